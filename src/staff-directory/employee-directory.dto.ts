import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../shared/http/identifier';
import { PagedReadQueryDto } from '../shared/http/read-query.dto';

export class ListEmployeesDto extends PagedReadQueryDto {
  @ApiPropertyOptional({ description: 'a supervisor names one of their departments' }) @IsOptional() @Matches(ID_PATTERN, { message: 'department must be a department id' }) department?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'position must be a position id' }) position?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'supervisorId must be an employee id' }) supervisorId?: string;
}
