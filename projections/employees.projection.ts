import type { EmployeeEvent, EmployeeRegistered } from '../src/employees/domain/employee.events';
import { selectedTypes } from '../src/shared/domain/decider';
import type { DocumentFields, ProjectedDocument, Projection } from '../src/shared/projector/projection';
import { readModelName } from '../src/shared/projector/projection';
import type { Recorded } from './recorded-event';

/** The staff directory: who works where, and who supervises them. */
export interface EmployeeDocument extends ProjectedDocument {
  employeeId: string;
  name: string;
  department: string;
  position: string;
  supervisorId: string | null;
  registeredAt: string;
}

/** How queries reach this read model. */
export const employeesReadModel = readModelName<EmployeeDocument>('employees');

export function createEmployeesProjection(): Projection<EmployeeDocument, Recorded<EmployeeRegistered>> {
  return {
    name: employeesReadModel.name,
    version: 1,
    handles: selectedTypes<EmployeeEvent['type']>()({ EmployeeRegistered: true }),
    indexes: [
      { fields: ['department', 'name'], types: { department: 'string', name: 'string' } },
      { fields: ['supervisorId'], types: { supervisorId: 'string' } },
      { fields: ['department', 'position'], types: { department: 'string', position: 'string' } },
    ],

    documentIds(event: Recorded<EmployeeRegistered>): string[] {
      return [event.data.employeeId];
    },

    evolve(_doc: EmployeeDocument | null, event: Recorded<EmployeeRegistered>, documentId: string): DocumentFields<EmployeeDocument> {
      const { employeeId, name, department, position, supervisorId, registeredAt } = event.data;
      return { _id: documentId, employeeId, name, department, position, supervisorId: supervisorId ?? null, registeredAt };
    },
  };
}
