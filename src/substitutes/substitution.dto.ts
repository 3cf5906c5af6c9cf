import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsUUID } from 'class-validator';

export class SetSubstituteDto {
  @ApiProperty({ description: 'the colleague (a clerk of the same department) who works your tasks meanwhile', format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ description: 'start of the absence (ISO 8601)', example: '2026-12-07T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ description: 'end of the absence, exclusive (ISO 8601); after `from`', example: '2026-12-12T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  to: string;
}

export class SubstitutionView {
  @ApiProperty({ description: 'the absent clerk' }) absentId: string;
  @ApiProperty() absentName: string;
  @ApiProperty({ description: 'the substitute' }) userId: string;
  @ApiProperty() userName: string;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ description: 'the window holds now' }) active: boolean;
}

export class ColleagueView {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

export class MySubstitutesView {
  @ApiProperty({ type: SubstitutionView, nullable: true, description: 'the substitute the caller named, if any' }) mine: SubstitutionView | null;
  @ApiProperty({ type: [SubstitutionView], description: 'colleagues the caller stands in for (now or later)' }) covering: SubstitutionView[];
  @ApiProperty({ type: [ColleagueView], description: 'the active clerks of the caller’s department who may be named' }) colleagues: ColleagueView[];
}
