import type { EmployeeState } from '../../../employees/domain/employee.decider';
import { testRulebook } from '../../../rulebook/testing/test-rulebook';
import { untouchedOpenPeriods } from './untouched-periods';

const tester: EmployeeState = { status: 'registered', employeeId: 'E-1', name: 'Li', department: 'qa', position: 'tester', registeredAt: '2026-01-01T00:00:00.000Z' };
const rater: EmployeeState = { ...tester, employeeId: 'E-2', position: 'rater' };
const tz = 'Asia/Shanghai';

describe('the open periods an employee has no fact in', () => {
  it('are at full marks under the scheme of the position', () => {
    const [record] = untouchedOpenPeriods(tester, ['2026-03'], new Set(), [testRulebook], tz);
    expect(record).toMatchObject({ employeeId: 'E-1', period: '2026-03', department: 'qa', position: 'tester', schemeVersion: 1, items: {}, openAppeals: 0, sealed: null, corrections: [] });
    expect(record.score).toMatchObject({ total: 100, maxTotal: 100, normalised: 100, grade: 'ok', veto: false, rated: true });
  });

  it('are not yet rated under a rated scheme', () => {
    const [record] = untouchedOpenPeriods(rater, ['2026-H1'], new Set(), [testRulebook], tz);
    expect(record.score.rated).toBe(false);
  });

  it('leave out the periods with facts, periods of another length, and positions no scheme assesses', () => {
    expect(untouchedOpenPeriods(tester, ['2026-03', '2026-04'], new Set(['2026-03']), [testRulebook], tz).map((r) => r.period)).toEqual(['2026-04']);
    expect(untouchedOpenPeriods(tester, ['2026-Q1', '2026-H1'], new Set(), [testRulebook], tz)).toEqual([]);
    expect(untouchedOpenPeriods({ ...tester, position: 'nobody' }, ['2026-03'], new Set(), [testRulebook], tz)).toEqual([]);
    expect(untouchedOpenPeriods(tester, ['2026-03'], new Set(), [], tz)).toEqual([]);
  });

  it('are none for an employee who is not registered', () => {
    expect(untouchedOpenPeriods({ status: 'unknown' }, ['2026-03'], new Set(), [testRulebook], tz)).toEqual([]);
  });
});
