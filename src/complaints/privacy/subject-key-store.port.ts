export const SUBJECT_KEY_STORE = Symbol('SUBJECT_KEY_STORE');

export type SubjectKey = { status: 'active'; key: Buffer } | { status: 'destroyed'; destroyedAt: string } | { status: 'unknown' };

/**
 * One encryption key per data subject (a complainant), kept outside the event stream. Destroying a
 * key is erasure: whatever was encrypted with it can never be read again, though the events stay.
 */
export interface SubjectKeyStore {
  /** The subject's key, created on first use. A destroyed key is never re-created. */
  keyFor(subjectId: string): Promise<SubjectKey>;
  find(subjectId: string): Promise<SubjectKey>;
  /** Overwrites the key; the subject stays known as erased. */
  destroy(subjectId: string, at: string): Promise<void>;
  close(): Promise<void>;
}
