import { IsInstant } from '../../shared/http/instant';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { ID_PATTERN, IsIdentifier } from '../../shared/http/identifier';
import { roles } from '../domain/permission-matrix';
import type { Role } from '../domain/permission-matrix';

export class IssueCredentialDto {
  @IsIdentifier('clerk-1') principalId!: string;

  @ApiProperty({ enum: roles, isArray: true, example: ['clerk'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(roles.length)
  @IsIn(roles, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [String], example: ['customer-service'], description: 'Required for a supervisor: the departments they assess' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ID_PATTERN, { each: true, message: 'each of departments must be a department id' })
  departments?: string[];

  @ApiPropertyOptional({ example: 'E-1001', description: 'Required for an employee or a panel member: who they are' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'employeeId must be an employee id' })
  employeeId?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00+08:00', description: 'Refused from this instant on (default: never)' })
  @IsOptional()
  @IsInstant()
  expiresAt?: string;
}
