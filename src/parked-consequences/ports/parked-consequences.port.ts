import type { ParkedConsequence } from '../domain/parked-consequence';

export const PARKED_CONSEQUENCES = Symbol('PARKED_CONSEQUENCES');

/** Where parked consequences are kept, durably, together with the saga checkpoint. */
export interface ParkedConsequences {
  /**
   * Records the parked consequences (possibly none) and moves the checkpoint, atomically in the
   * embedded store: a crash either keeps both (the event is not replayed) or neither (the event is
   * replayed and parks the same ids again), so a consequence is never lost nor parked twice.
   */
  parkAndAdvance(parked: ParkedConsequence[], checkpoint: { name: string; position: number }): Promise<void>;
  get(id: string): Promise<ParkedConsequence | null>;
  save(consequence: ParkedConsequence): Promise<void>;
  list(filter: { status?: ParkedConsequence['status'] }, page: { limit: number; offset: number }): Promise<{ items: ParkedConsequence[]; total: number }>;
  countParked(): Promise<number>;
}
