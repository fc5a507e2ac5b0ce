import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { ID_PATTERN, IsIdentifier, IsText } from '../../shared/http/identifier';
import { complaintChannels, complaintSeverities } from '../domain/complaint.events';
import type { ComplaintChannel, ComplaintSeverity } from '../domain/complaint.events';

export class ComplainantDto {
  @ApiPropertyOptional({ example: 'R-3-2-501', pattern: ID_PATTERN.source, description: 'The data subject whose key encrypts this data (default: the complaint id); give the same id for a returning complainant so one erasure covers all their complaints' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'subjectId must be 1-64 letters, digits, "-", "_" or "."' })
  subjectId?: string;
  @IsText(100, 'Zhang San') name!: string;
  @ApiPropertyOptional({ example: '+86 138 0000 0000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,24}$/, { message: 'phone must be 5-24 digits, spaces, "+", "(", ")" or "-"' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(200, 'Building 3, unit 2, flat 501') address?: string;
}

export class ReceiveComplaintDto {
  @IsIdentifier('C-2026-0001') complaintId!: string;
  @ApiProperty({ enum: complaintChannels }) @IsIn(complaintChannels) channel!: ComplaintChannel;
  @ApiProperty({ type: ComplainantDto }) @IsObject() @ValidateNested() @Type(() => ComplainantDto) complainant!: ComplainantDto;
  @ApiPropertyOptional() @IsOptional() @IsText(200, 'Building 3, unit 2') location?: string;
  @IsText(100, 'service attitude') subject!: string;
  @IsText(4000, 'The steward hung up on me.') description!: string;
  @ApiProperty({ enum: complaintSeverities }) @IsIn(complaintSeverities) severity!: ComplaintSeverity;
  @ApiProperty({ example: '2026-03-10T08:00:00+08:00' }) @IsInstant() receivedAt!: string;
  @ApiPropertyOptional({ type: [String], example: ['E-1001'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { each: true, message: 'each of concernsEmployeeIds must be an employee id' })
  concernsEmployeeIds?: string[];
}
