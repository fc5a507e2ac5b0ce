import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keyIdOf } from '../domain/checkpoint';

export const SIGNING_KEY = Symbol('SIGNING_KEY');

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** `configured`: SIGNING_KEY_FILE; `generated`: made in the data folder, beside the stores. */
  source: 'configured' | 'generated';
  file: string;
}

/**
 * The checkpoints' Ed25519 key: SIGNING_KEY_FILE when configured (kept away from the stores, so
 * whoever can change the stores cannot sign again); otherwise made once in the data folder (mode
 * 0600), which proves the log against anyone without that folder, and GET /integrity says so.
 */
export function loadSigningKey(configuredFile: string | undefined, dataDir: string): SigningKey {
  if (configuredFile) return { ...readKey(configuredFile, 'SIGNING_KEY_FILE'), source: 'configured', file: configuredFile };
  const file = path.join(dataDir, 'integrity', 'signing-key.pem');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    // wx: two instances starting together never overwrite each other's key
    try {
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { ...readKey(file, 'the generated signing key'), source: 'generated', file };
}

function readKey(file: string, name: string): Pick<SigningKey, 'privateKey' | 'publicKey' | 'keyId'> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(fs.readFileSync(file));
  } catch (error) {
    throw new Error(`${name} (${file}) is not a readable private key in PEM: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${name} (${file}) must be an Ed25519 private key, got ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** A public key from PEM (SPKI) or from a private key's PEM: what the verifier is given. */
export function readPublicKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    const text = fs.readFileSync(file);
    key = text.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(text)) : createPublicKey(text);
  } catch (error) {
    throw new Error(`the public key ${file} must be an Ed25519 key in PEM (GET /integrity/public-key): ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the public key ${file} must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}
