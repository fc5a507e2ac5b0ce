import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NoControlCharacters } from '../../shared/http/identifier';
import type { ServiceLevelSettings } from '../domain/service-level-policy';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class BusinessHoursDto {
  @ApiProperty({ example: '09:00' }) @Matches(TIME, { message: 'start must be HH:MM' }) start!: string;
  @ApiProperty({ example: '18:00' }) @Matches(TIME, { message: 'end must be HH:MM' }) end!: string;
}

export class WorkingCalendarDto {
  @ApiProperty({ example: 'Asia/Shanghai' }) @IsString() @MaxLength(64) @NoControlCharacters() timeZone!: string;
  @ApiProperty({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsArray()
  @IsIn([1, 2, 3, 4, 5, 6, 7], { each: true, message: 'each of workingWeekdays must be 1 (Monday) to 7 (Sunday)' })
  workingWeekdays!: number[];
  @ApiProperty({ example: ['2026-10-01'] }) @IsArray() @ArrayMaxSize(1000) @Matches(DATE, { each: true, message: 'each of holidays must be a YYYY-MM-DD date' }) holidays!: string[];
  @ApiProperty({ example: ['2026-09-27'] })
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(DATE, { each: true, message: 'each of makeUpWorkingDays must be a YYYY-MM-DD date' })
  makeUpWorkingDays!: string[];
  @ApiProperty({ type: BusinessHoursDto }) @IsObject() @ValidateNested() @Type(() => BusinessHoursDto) businessHours!: BusinessHoursDto;
}

/** Ticket policies, complaint and talk targets and the rules a breach costs; checked by the domain. */
export class ServiceLevelsDto {
  @ApiProperty({ type: 'array', items: { type: 'object' } }) @IsArray() @ArrayMaxSize(200) ticketPolicies!: ServiceLevelSettings['ticketPolicies'];
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() complaint!: ServiceLevelSettings['complaint'];
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() talk!: ServiceLevelSettings['talk'];
}

export class ImportPublicHolidaysDto {
  @ApiProperty({ example: 2026, description: 'the year whose public holidays and make-up working days to import' })
  @IsInt({ message: 'year must be a whole number' })
  @Min(2004, { message: 'year must be 2004 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year!: number;
}
