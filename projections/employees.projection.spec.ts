import { createEmployeesProjection } from './employees.projection';
import { foldProjection } from './fold';
import { employeeRegistered } from './testing/events';
import { recorder } from './testing/recorded';

const employees = createEmployeesProjection();

describe('employees projection', () => {
  it('lists a registered employee with their department, position and supervisor', () => {
    const recorded = recorder();
    const documents = foldProjection(employees, [recorded(employeeRegistered()), recorded(employeeRegistered({ employeeId: 'E-2', name: '张伟', supervisorId: undefined }))]);

    expect(documents.get('E-1')).toEqual({
      _id: 'E-1',
      _position: 1,
      employeeId: 'E-1',
      name: '王芳',
      department: 'customer-service',
      position: 'steward',
      supervisorId: 'E-9',
      registeredAt: '2026-01-05T01:00:00.000Z',
    });
    expect(documents.get('E-2')).toMatchObject({ name: '张伟', supervisorId: null });
  });

  it('is the same after projecting the same events twice', () => {
    const recorded = recorder();
    const events = [recorded(employeeRegistered())];
    const documents = foldProjection(employees, events);
    const once = structuredClone([...documents.entries()]);

    expect([...foldProjection(employees, events, documents).entries()]).toEqual(once);
  });

  it('keeps a registration as registered: a later registration of the same id replaces the line with its own facts', () => {
    const recorded = recorder();
    const documents = foldProjection(employees, [recorded(employeeRegistered()), recorded(employeeRegistered({ department: 'repairs' }))]);
    expect(documents.get('E-1')).toMatchObject({ department: 'repairs', _position: 2 });
  });

  it('follows registrations only, with the indexes its lookups need', () => {
    const fresh = createEmployeesProjection();
    expect(fresh.handles).toEqual(['EmployeeRegistered']);
    expect(fresh.indexes).toEqual([
      { fields: ['department', 'name'], types: { department: 'string', name: 'string' } },
      { fields: ['supervisorId'], types: { supervisorId: 'string' } },
      { fields: ['department', 'position'], types: { department: 'string', position: 'string' } },
    ]);
  });
});
