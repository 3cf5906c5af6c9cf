import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_CHUNK_SIZE = 250_000;
export const DEFAULT_PARALLELISM = 2;

export class StartRunDto {
  @ApiPropertyOptional({ default: false, description: 'Only count: evaluated, eligible, and how many of those already have this period\'s grant' })
  @IsOptional() @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ default: DEFAULT_CHUNK_SIZE, minimum: 1, maximum: 1_000_000, description: 'Registry ids per chunk job' })
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  chunkSize?: number;

  @ApiPropertyOptional({ default: DEFAULT_PARALLELISM, minimum: 1, maximum: 8, description: 'Chunk jobs of this run in flight at once, on as many workers' })
  @IsOptional() @IsInt() @Min(1) @Max(8)
  parallelism?: number;
}

export class RunCreatedView {
  @ApiProperty({ format: 'uuid' }) runId: string;
}

export class RunView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() policyCode: string;
  @ApiProperty() policyVersion: number;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: '2026-11-03', description: 'The China date ages are computed at' }) asOf: string;
  @ApiProperty({ example: '2026-11', description: 'The period grants are made for' }) period: string;
  @ApiProperty({ description: 'Subjects looked at so far' }) evaluated: number;
  @ApiProperty({ description: 'Subjects the rule selects' }) eligible: number;
  @ApiProperty({ description: 'Grants made (0 in a dry run)' }) granted: number;
  @ApiProperty({ description: 'Eligible subjects that already had this period\'s grant' }) skippedExisting: number;
  @ApiProperty() chunksDone: number;
  @ApiProperty() chunksTotal: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

export class RunPage {
  @ApiProperty({ type: [RunView] }) items: RunView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
