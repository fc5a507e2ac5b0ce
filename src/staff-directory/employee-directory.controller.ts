import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AccessPolicy } from '../auth/access-policy.service';
import type { Principal } from '../auth/domain/principal';
import { RequirePermissions } from '../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../shared/auth/request-principal';
import { NotFoundError } from '../shared/domain/domain-error';
import { IdParam } from '../shared/http/id-param.pipe';
import { ProjectorService } from '../shared/projector/projector.service';
import { ReadModels } from '../shared/projector/read-model-headers';
import { equalTo } from '../shared/read-store/read-store.port';
import { employeesReadModel } from '../../projections/employees.projection';
import type { EmployeeDocument } from '../../projections/employees.projection';
import { ListEmployeesDto } from './employee-directory.dto';

export class EmployeeView {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() department!: string;
  @ApiProperty() position!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) supervisorId!: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class EmployeePage {
  @ApiProperty({ type: [EmployeeView] }) items!: EmployeeView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

const viewOf = ({ employeeId, name, department, position, supervisorId, registeredAt }: EmployeeDocument): EmployeeView => ({ employeeId, name, department, position, supervisorId, registeredAt });

/** The staff directory: who works where and who supervises them (not their scores). */
@ApiTags('employees')
@Controller('employees')
export class EmployeeDirectoryController {
  constructor(private readonly access: AccessPolicy, private readonly projector: ProjectorService) {}

  @Get()
  @RequirePermissions('employees:read')
  @ReadModels('employees')
  @ApiOperation({ summary: 'Registered employees by department, position or supervisor, ordered by department and name, paged' })
  @ApiOkResponse({ type: EmployeePage })
  async list(@Query() dto: ListEmployeesDto, @CurrentPrincipal() principal: Principal): Promise<EmployeePage> {
    this.access.readDepartment(principal, 'employees:read', dto.department);
    await this.projector.waitFor(dto.minPosition);
    const filter = equalTo({ department: dto.department, position: dto.position, supervisorId: dto.supervisorId });
    const page = await this.projector.readModel(employeesReadModel).page(filter, { department: 1, name: 1, employeeId: 1 }, dto);
    return { ...page, items: page.items.map(viewOf) };
  }

  @Get(':employeeId')
  @RequirePermissions('employees:read')
  @ReadModels('employees')
  @ApiOperation({ summary: 'One registered employee; an employee sees only themself, a supervisor their departments' })
  @ApiOkResponse({ type: EmployeeView })
  async one(@IdParam('employeeId') employeeId: string, @CurrentPrincipal() principal: Principal): Promise<EmployeeView> {
    await this.access.readEmployee(principal, 'employees:read', employeeId);
    const doc = await this.projector.readModel(employeesReadModel).get(employeeId);
    if (!doc) throw new NotFoundError('employee', employeeId);
    return viewOf(doc);
  }
}
