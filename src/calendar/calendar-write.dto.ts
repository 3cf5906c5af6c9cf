import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocalDate } from './local-date.validator.js';

/** A year's State Council notice (国务院办公厅关于部分节假日安排的通知). */
export class LoadYearDto {
  @ApiProperty({
    type: [String],
    example: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-06'],
    description: 'Every day off of every holiday period, weekend days inside a period included',
  })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(366) @ArrayUnique() @IsLocalDate({ each: true })
  holidays: string[];

  @ApiProperty({ type: [String], example: ['2027-02-20'], description: 'Make-up workdays (调休上班): Saturdays or Sundays that are working days' })
  @IsArray() @ArrayMaxSize(366) @ArrayUnique() @IsLocalDate({ each: true })
  workdays: string[];

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）', description: 'The notice: title and number' })
  @IsString() @MinLength(1) @MaxLength(500)
  source: string;
}

/** A local change to one day (e.g. a day off decided by the district government); it wins over the notice. */
export class SetDayDto {
  @ApiProperty({ example: false })
  @IsBoolean()
  isWorkday: boolean;

  @ApiProperty({ example: '南关区人民政府通知：临时闭馆', description: 'Shown with the day; also the reason on record' })
  @IsString() @MinLength(1) @MaxLength(200)
  note: string;
}
