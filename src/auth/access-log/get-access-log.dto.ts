import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../shared/http/identifier';
import { PagedReadQueryDto } from '../../shared/http/read-query.dto';

export class GetAccessLogDto extends PagedReadQueryDto {
  @ApiPropertyOptional({ description: 'Only reads of this employee' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'employeeId must be an employee id' })
  employeeId?: string;

  @ApiPropertyOptional({ description: 'Only reads by this principal' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'principalId must be a principal id' })
  principalId?: string;
}
