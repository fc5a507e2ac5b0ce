import type { EmployeeState } from '../../../employees/domain/employee.decider';
import { DomainError } from '../../../shared/domain/domain-error';
import { schemeForPeriod } from '../../../rulebook/domain/rule-in-force';
import type { RulebookVersion } from '../../../rulebook/domain/rulebook.types';
import { emptyPeriodRecord } from '../../domain/period-record';
import type { PeriodRecord } from '../../domain/period-record';

/**
 * The open periods in which a registered employee has no fact yet, as records at full marks under
 * the scheme their position is assessed by in each (a rated scheme: not yet rated). A period whose
 * length is not their scheme's, or where no scheme assesses their position, is not theirs.
 */
export function untouchedOpenPeriods(employee: EmployeeState, openPeriods: readonly string[], recorded: ReadonlySet<string>, versions: readonly RulebookVersion[], timeZone: string): PeriodRecord[] {
  if (employee.status !== 'registered') return [];
  return openPeriods.flatMap((period) => {
    if (recorded.has(period)) return [];
    try {
      const { scheme, schemeVersion } = schemeForPeriod(versions, employee.position, period, timeZone);
      return [emptyPeriodRecord(employee, period, schemeVersion, scheme)];
    } catch (error) {
      if (error instanceof DomainError) return [];
      throw error;
    }
  });
}
