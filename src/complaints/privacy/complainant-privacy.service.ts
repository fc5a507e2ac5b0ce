import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../../shared/domain/domain-error';
import { refuseComplaint } from '../domain/complaint.errors';
import type { Complainant, SealedComplainant } from '../domain/complaint.events';
import { isSealedText } from '../../shared/domain/sealed-text';
import type { SealedText } from '../../shared/domain/sealed-text';
import { open, openText, seal, sealText } from './complainant-cipher';
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
    return seal(subjectId, await this.activeKey(subjectId), complainant);
  }

  /** Seals a free-text field that holds the subject's personal data (a description, a sign-off). */
  async sealText(subjectId: string, text: string): Promise<SealedText> {
    return sealText(subjectId, await this.activeKey(subjectId), text);
  }

  private async activeKey(subjectId: string): Promise<Buffer> {
    const key = await this.keys.keyFor(subjectId);
    if (key.status !== 'active') {
      throw refuseComplaint('complainant_erased', `data subject ${subjectId} was erased; record it under a new subjectId`, { path: 'subjectId' });
    }
    return key.key;
  }

  /**
   * A stored free-text field as a reader sees it: a plain string (recorded before sealing) as it
   * is; a sealed one opened for those who may see complainants, else `[withheld]`; `[erased]` once
   * the subject's key is gone.
   */
  async revealText(stored: unknown, maySee: boolean): Promise<unknown> {
    if (!isSealedText(stored)) return stored;
    if (!maySee) return WITHHELD;
    const key = await this.keys.find(stored.subjectId);
    return key.status === 'active' ? openText(stored, key.key) : ERASED;
  }

  /** Whether the event's data holds anything to reveal or withhold (most events hold none). */
  holdsPersonalData(data: unknown): boolean {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
    return Object.entries(data as Record<string, unknown>).some(([field, value]) => field === 'complainant' || isSealedText(value));
  }

  /** Every sealed field of an event's data revealed (the complainant or free text). */
  async revealFields(data: unknown, maySee: boolean): Promise<unknown> {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
    const entries = await Promise.all(
      Object.entries(data as Record<string, unknown>).map(async ([field, value]) => {
        if (field === 'complainant') return [field, await this.reveal(value, maySee)] as const;
        return [field, await this.revealText(value, maySee)] as const;
      }),
    );
    return Object.fromEntries(entries);
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
