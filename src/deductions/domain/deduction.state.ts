import { assertNever } from '../../shared/domain/domain-error';
import type { DeductionApplied, DeductionContested, DeductionEvent, DeductionWithdrawn, HearingRecorded } from './deduction.events';

type DeductionLifecycle =
  | { status: 'unknown' }
  | { status: 'applied'; applied: DeductionApplied['data'] }
  | { status: 'contested'; applied: DeductionApplied['data']; contested: DeductionContested['data'] }
  | {
      status: 'heard';
      applied: DeductionApplied['data'];
      contested: DeductionContested['data'];
      hearing: HearingRecorded['data'];
    };

/** A withdrawn deduction keeps its lifecycle state, marked withdrawn. */
export type DeductionState = DeductionLifecycle & { withdrawn?: DeductionWithdrawn['data']; hearingBreached?: boolean };

export const initialDeductionState: DeductionState = { status: 'unknown' };

export function evolveDeduction(state: DeductionState, event: DeductionEvent): DeductionState {
  switch (event.type) {
    case 'DeductionApplied':
      return { status: 'applied', applied: event.data };
    case 'DeductionContested':
      return state.status === 'applied' ? { status: 'contested', applied: state.applied, contested: event.data } : state;
    case 'HearingRecorded':
      return state.status === 'contested' ? { ...state, status: 'heard', hearing: event.data } : state;
    case 'DeductionWithdrawn':
      return { ...state, withdrawn: event.data };
    case 'HearingDeadlineBreached':
      return { ...state, hearingBreached: true };
    default:
      return assertNever(event);
  }
}
