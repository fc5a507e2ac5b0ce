import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { NoControlCharacters } from '../../shared/http/identifier';

/**
 * The envelope of a rulebook version. Its schemes and rules are checked as a whole by the domain
 * (422 with a precise code and `details.path`), not field by field here.
 */
export class PublishRulebookVersionDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: '2026-07-01T00:00:00+08:00' }) @IsInstant() effectiveFrom!: string;
  @ApiProperty() @IsString() @MaxLength(200) @NoControlCharacters() title!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Schemes per position (see docs/rulebook.md)' }) @IsArray() schemes!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The rule catalogue' }) @IsArray() rules!: object[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '{ windowDays, hearingWithinDays, panel: { min, max, employeeRepresentativeShare } }' }) @IsOptional() @IsObject() appeals?: object;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: '{ threshold, pointsPerPointBelow, positions }' }) @IsOptional() @IsObject() rollUp?: object;
}
