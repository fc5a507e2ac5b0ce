/**
 * Free text holding someone's personal data (a complaint's description, a sign-off name),
 * encrypted under the data subject's key: unreadable once the key is destroyed. Events recorded
 * before sealing hold plain strings, which stay readable as they are.
 */
export interface SealedText {
  subjectId: string;
  sealed: string;
}

export function isSealedText(value: unknown): value is SealedText {
  const candidate = value as Partial<SealedText> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.subjectId === 'string' && typeof candidate.sealed === 'string';
}
