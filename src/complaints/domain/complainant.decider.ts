import type { Decider } from '../../shared/domain/decider';
import { assertNever } from '../../shared/domain/domain-error';
import type { ComplainantErased } from './complaint.events';

export interface EraseComplainant {
  type: 'EraseComplainant';
  data: { subjectId: string; reason: string };
  now: string;
}

export type ComplainantState = { status: 'known' } | { status: 'erased'; erased: ComplainantErased['data'] };

/** A data subject's stream: it records the erasure (the key itself is destroyed outside the stream). */
export const complainantDecider: Decider<EraseComplainant, ComplainantErased, ComplainantState> = {
  initialState: { status: 'known' },
  evolve(_state, event) {
    switch (event.type) {
      case 'ComplainantErased':
        return { status: 'erased', erased: event.data };
      default:
        return assertNever(event.type);
    }
  },
  decide(command, state) {
    if (state.status === 'erased') return [];
    return [{ type: 'ComplainantErased', data: { ...command.data, erasedAt: command.now } }];
  },
};
