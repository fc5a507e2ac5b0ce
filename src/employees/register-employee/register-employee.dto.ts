import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIdentifier, IsText } from '../../shared/http/identifier';

export class RegisterEmployeeDto {
  @IsIdentifier('E-1001') employeeId!: string;
  @IsText(100, 'Li Ming') name!: string;
  @IsIdentifier('customer-service') department!: string;
  @IsIdentifier('property-steward') position!: string;
  @ApiPropertyOptional() @IsOptional() @IsIdentifier('E-0001') supervisorId?: string;
}
