import { Inject, Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../../shared/domain/domain-error';
import type { Complainant, SealedComplainant } from '../domain/complaint.events';
import { open, seal } from './complainant-cipher';
import { SUBJECT_KEY_STORE } from './subject-key-store.port';
import type { SubjectKeyStore } from './subject-key-store.port';

/** Shown instead of a complainant's personal data to those not allowed to see it. */
export const WITHHELD = '[withheld]';
/** Shown instead of a complainant's personal data once the data subject has been erased. */
export const ERASED = '[erased]';

export type ComplainantView = Complainant | typeof WITHHELD | typeof ERASED;

/** Encrypts complainants' personal data on the way in, and decides what a reader sees of it. */
@Injectable()
export class ComplainantPrivacy {
  constructor(@Inject(SUBJECT_KEY_STORE) private readonly keys: SubjectKeyStore) {}

  async seal(subjectId: string, complainant: Complainant): Promise<SealedComplainant> {
    const key = await this.keys.keyFor(subjectId);
    if (key.status !== 'active') {
      throw new DomainError('complainant_erased', `data subject ${subjectId} was erased; record the complaint under a new subjectId`);
    }
    return seal(subjectId, key.key, complainant);
  }

  /** The complainant as stored in an event, for a reader who may or may not see personal data. */
  async reveal(stored: unknown, maySee: boolean): Promise<ComplainantView> {
    if (!maySee || !isSealed(stored)) return WITHHELD;
    const key = await this.keys.find(stored.subjectId);
    return key.status === 'active' ? open(stored, key.key) : ERASED;
  }

  /** Destroys the subject's key; an unknown subject is a 404. Destroying twice is harmless. */
  async destroyKey(subjectId: string, at: string): Promise<void> {
    if ((await this.keys.find(subjectId)).status === 'unknown') throw new NotFoundError('complainant', subjectId);
    await this.keys.destroy(subjectId, at);
  }
}

function isSealed(value: unknown): value is SealedComplainant {
  const candidate = value as Partial<SealedComplainant> | null;
  return typeof candidate?.subjectId === 'string' && typeof candidate.sealed === 'string';
}
