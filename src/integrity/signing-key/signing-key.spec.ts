import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSigningKey, readPublicKey } from './signing-key';

describe('the signing key', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-signing-key-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is made once in the data folder when none is configured, readable only by its owner, and the same after a restart', () => {
    const first = loadSigningKey(undefined, dir);
    const again = loadSigningKey(undefined, dir);
    expect(first).toMatchObject({ source: 'generated', file: path.join(dir, 'integrity', 'signing-key.pem') });
    expect(again.keyId).toBe(first.keyId);
    expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
  });

  it('is the configured one when SIGNING_KEY_FILE names an Ed25519 key, and its public half verifies', () => {
    const file = path.join(dir, 'key.pem');
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const key = loadSigningKey(file, dir);
    expect(key.source).toBe('configured');
    expect(fs.existsSync(path.join(dir, 'integrity'))).toBe(false);
    expect(readPublicKey(file).export({ type: 'spki', format: 'pem' })).toEqual(key.publicKey.export({ type: 'spki', format: 'pem' }));
  });

  it('refuses a configured key that is not Ed25519, or not a key, naming the setting', () => {
    const rsa = path.join(dir, 'rsa.pem');
    fs.writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadSigningKey(rsa, dir)).toThrow(`SIGNING_KEY_FILE (${rsa}) must be an Ed25519 private key, got rsa`);
    const junk = path.join(dir, 'junk.pem');
    fs.writeFileSync(junk, 'not a key');
    expect(() => loadSigningKey(junk, dir)).toThrow(`SIGNING_KEY_FILE (${junk}) is not a readable private key in PEM`);
  });

  it("refuses a verifier's public key that is not a key, or not Ed25519, naming the file", () => {
    const junk = path.join(dir, 'junk.pem');
    fs.writeFileSync(junk, 'not a key');
    expect(() => readPublicKey(junk)).toThrow(`the public key ${junk} must be an Ed25519 key in PEM`);
    expect(() => readPublicKey(path.join(dir, 'absent.pem'))).toThrow(`the public key ${path.join(dir, 'absent.pem')} must be an Ed25519 key in PEM`);
    const rsa = path.join(dir, 'rsa.pub.pem');
    fs.writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    expect(() => readPublicKey(rsa)).toThrow(`the public key ${rsa} must be an Ed25519 key, not rsa`);
  });
});
