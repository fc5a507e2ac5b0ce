import { randomBytes } from 'node:crypto';
import { ComplainantPrivacy, ERASED, WITHHELD } from './complainant-privacy.service';
import type { SubjectKey, SubjectKeyStore } from './subject-key-store.port';

/** Subject keys in memory: enough to show what readers see of sealed and older plain text. */
class MemoryKeys implements SubjectKeyStore {
  private readonly keys = new Map<string, SubjectKey>();
  async keyFor(subjectId: string): Promise<SubjectKey> {
    if (!this.keys.has(subjectId)) this.keys.set(subjectId, { status: 'active', key: randomBytes(32) });
    return this.keys.get(subjectId)!;
  }
  async find(subjectId: string): Promise<SubjectKey> {
    return this.keys.get(subjectId) ?? { status: 'unknown' };
  }
  async destroy(subjectId: string, at: string): Promise<void> {
    this.keys.set(subjectId, { status: 'destroyed', destroyedAt: at });
  }
  async close(): Promise<void> {}
}

describe('free text sealed under a subject key', () => {
  const text = 'Zhang San (owner, flat 501)';

  it('holds no plaintext, opens for those who may see it, is withheld from others and erased with the key', async () => {
    const privacy = new ComplainantPrivacy(new MemoryKeys());
    const sealed = await privacy.sealText('R-1', text);
    expect(JSON.stringify(sealed)).not.toContain('Zhang');
    expect(await privacy.sealText('R-1', text)).toEqual(sealed); // a retried command seals to the same fact
    expect(await privacy.revealText(sealed, true)).toBe(text);
    expect(await privacy.revealText(sealed, false)).toBe(WITHHELD);
    await privacy.destroyKey('R-1', '2026-03-31T00:00:00Z');
    expect(await privacy.revealText(sealed, true)).toBe(ERASED);
  });

  it('reads plain text in events recorded before sealing as it was', async () => {
    const privacy = new ComplainantPrivacy(new MemoryKeys());
    const old = { ticketId: 'T-1', signedOffBy: text, closedAt: '2026-03-10T08:00:00.000Z' };
    expect(await privacy.revealFields(old, true)).toEqual(old);
  });
});
