import { assessmentEventSubjects } from '../../assessments/assessment-command.handler';
import { deductionEventSubjects } from '../../deductions/deduction-stream';
import type { DeductionEvent } from '../../deductions/domain/deduction.events';
import { employeeAggregate } from '../../employees/register-employee/register-employee.handler';
import type { EmployeeEvent } from '../../employees/domain/employee.events';
import type { RecordedEvent } from '../../shared/event-store/event-store.port';
import { closeSubjectsOf } from './period-subjects.upgrade';

const recorded = (type: string, data: object): RecordedEvent => ({
  id: 'id', type, data, streamName: 's', revision: 0, position: 1,
  metadata: { actor: 'a', correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00.000Z', recordedAt: '2026-03-01T00:00:00.000Z' },
});
const assessment = { schemeVersion: 1, period: '2026-03', scheme: {} };

/** What a close reads must be what the streams index on append: the upgrade of old stores and new appends agree. */
describe('period and staff subjects', () => {
  it.each([
    ['DeductionApplied', { deductionId: 'D-1', employeeId: 'E-1', assessment }],
    ['DeductionContested', { deductionId: 'D-1', employeeId: 'E-1', period: '2026-03' }],
    ['HearingRecorded', { deductionId: 'D-1', employeeId: 'E-1', period: '2026-03' }],
    ['DeductionWithdrawn', { deductionId: 'D-1', employeeId: 'E-1', period: '2026-03' }],
  ])('indexes %s under its period on append, as the close reads it', (type, data) => {
    const expected = closeSubjectsOf(recorded(type, data));
    expect(expected).toEqual(['period:2026-03']);
    expect(deductionEventSubjects({ type, data } as unknown as DeductionEvent)).toEqual(expect.arrayContaining(expected));
  });

  it('leaves a deduction applied outside any rulebook period out of every period', () => {
    expect(closeSubjectsOf(recorded('DeductionApplied', { deductionId: 'D-1', employeeId: 'E-1' }))).toEqual([]);
    expect(deductionEventSubjects({ type: 'DeductionApplied', data: { deductionId: 'D-1', employeeId: 'E-1' } } as unknown as DeductionEvent).some((s) => s.startsWith('period:'))).toBe(false);
  });

  it.each([
    ['BonusAwarded', { employeeId: 'E-1', assessment }],
    ['SurveyResultRecorded', { employeeId: 'E-1', period: '2026-03', assessment }],
    ['RatingsRecorded', { employeeId: 'E-1', period: '2026-03', assessment }],
  ])('indexes %s under its period on append, as the close reads it', (type, data) => {
    const expected = closeSubjectsOf(recorded(type, data));
    expect(expected).toEqual(['period:2026-03']);
    expect(assessmentEventSubjects({ type, data })).toEqual(expect.arrayContaining(expected));
  });

  it('takes the period from the record id even when the employee id holds a colon', () => {
    expect(closeSubjectsOf(recorded('RatingsRecorded', { employeeId: 'ORG:E-1', period: '2026-Q1', assessment }))).toEqual(['period:2026-Q1']);
  });

  it('indexes every registration under the staff', () => {
    const data = { employeeId: 'E-1', name: 'n', department: 'd', position: 'p', registeredAt: '2026-03-01T00:00:00.000Z' };
    expect(closeSubjectsOf(recorded('EmployeeRegistered', data))).toEqual(['staff:company']);
    expect(employeeAggregate.subjects({ type: 'EmployeeRegistered', data } as EmployeeEvent)).toEqual(expect.arrayContaining(['staff:company']));
  });
});
