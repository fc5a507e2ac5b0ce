import { randomBytes } from 'node:crypto';
import { open, seal } from './complainant-cipher';

const key = randomBytes(32);
const complainant = { name: 'Zhang San', phone: '+86 138 0013 8000', address: 'Building 3, unit 2, flat 501' };

describe('sealing a complainant', () => {
  it('opens to what was sealed, and keeps no plain text', () => {
    const sealed = seal('C-1', key, complainant);
    expect(sealed.subjectId).toBe('C-1');
    expect(sealed.sealed).not.toMatch(/Zhang|138|flat/);
    expect(open(sealed, key)).toEqual(complainant);
    expect(open(seal('C-2', key, { name: 'Li' }), key)).toEqual({ name: 'Li' });
  });

  it('seals the same data the same way (a retried command is the same fact), and other data otherwise', () => {
    expect(seal('C-1', key, complainant)).toEqual(seal('C-1', key, complainant));
    expect(seal('C-1', key, { ...complainant, phone: '+86 138 0013 8001' }).sealed).not.toBe(seal('C-1', key, complainant).sealed);
  });

  it('refuses another key, another subject or a changed byte', () => {
    const sealed = seal('C-1', key, complainant);
    expect(() => open(sealed, randomBytes(32))).toThrow();
    expect(() => open({ ...sealed, subjectId: 'C-2' }, key)).toThrow();
    const bytes = Buffer.from(sealed.sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => open({ ...sealed, sealed: `v1.${bytes.toString('base64url')}` }, key)).toThrow();
  });
});
