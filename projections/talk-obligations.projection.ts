import type { TalkObligationEvent } from '../src/talks/domain/talk-obligation.events';
import { selectedTypes } from '../src/shared/domain/decider';
import type { DocumentFields, ProjectedDocument, Projection } from '../src/shared/projector/projection';
import { readModelName } from '../src/shared/projector/projection';
import type { RecordedEach } from './recorded-event';

/** A talk a supervisor owes after a penalty (001:1239), and what became of it. */
export interface TalkObligationDocument extends ProjectedDocument {
  obligationId: string;
  deductionId: string;
  employeeId: string;
  supervisorId: string;
  department: string;
  openedAt: string;
  dueAt: string;
  status: 'pending' | 'held' | 'cancelled';
  /** The deadline passed before the talk (it may still have been held, late). */
  breached: boolean;
  heldAt: string | null;
  cancelledAt: string | null;
}

export const talkObligationsReadModel = readModelName<TalkObligationDocument>('talk-obligations');

const handles = selectedTypes<TalkObligationEvent['type']>()({ TalkObligationOpened: true, TalkHeld: true, TalkObligationBreached: true, TalkObligationCancelled: true });
type Handled = RecordedEach<Extract<TalkObligationEvent, { type: (typeof handles)[number] }>>;

export function createTalkObligationsProjection(): Projection<TalkObligationDocument, Handled> {
  return {
    name: talkObligationsReadModel.name,
    version: 1,
    handles,
    indexes: [{ fields: ['department', 'dueAt'] }, { fields: ['supervisorId'] }, { fields: ['status', 'dueAt'] }],

    documentIds(event: Handled): string[] {
      return [event.data.obligationId];
    },

    evolve(doc: TalkObligationDocument | null, event: Handled, documentId: string): DocumentFields<TalkObligationDocument> | null {
      if (event.type === 'TalkObligationOpened') {
        const { obligationId, deductionId, employeeId, supervisorId, supervisorDepartment, openedAt, dueAt } = event.data;
        return { _id: documentId, obligationId, deductionId, employeeId, supervisorId, department: supervisorDepartment, openedAt, dueAt, status: 'pending', breached: false, heldAt: null, cancelledAt: null };
      }
      if (!doc) return null;
      switch (event.type) {
        case 'TalkHeld':
          return { ...doc, status: 'held', heldAt: event.data.heldAt };
        case 'TalkObligationBreached':
          return { ...doc, breached: true };
        case 'TalkObligationCancelled':
          return { ...doc, status: 'cancelled', cancelledAt: event.data.cancelledAt };
      }
    },
  };
}
