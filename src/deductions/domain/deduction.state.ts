import { assertNever } from '../../shared/domain/domain-error';
import type { DeductionApplied, DeductionContested, DeductionEvent, HearingRecorded } from './deduction.events';

export type DeductionState =
  | { status: 'unknown' }
  | { status: 'applied'; applied: DeductionApplied['data'] }
  | { status: 'contested'; applied: DeductionApplied['data']; contested: DeductionContested['data'] }
  | {
      status: 'heard';
      applied: DeductionApplied['data'];
      contested: DeductionContested['data'];
      hearing: HearingRecorded['data'];
    };

export const initialDeductionState: DeductionState = { status: 'unknown' };

export function evolveDeduction(state: DeductionState, event: DeductionEvent): DeductionState {
  switch (event.type) {
    case 'DeductionApplied':
      return { status: 'applied', applied: event.data };
    case 'DeductionContested':
      return state.status === 'applied' ? { status: 'contested', applied: state.applied, contested: event.data } : state;
    case 'HearingRecorded':
      return state.status === 'contested' ? { ...state, status: 'heard', hearing: event.data } : state;
    default:
      return assertNever(event);
  }
}
