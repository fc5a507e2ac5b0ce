import type { Document, ReadStore } from '../../shared/read-store/read-store.port';
import type { CredentialStore, StoredCredential } from './credential-store.port';

export const CREDENTIALS_COLLECTION = 'credentials';

type CredentialDocument = Document & StoredCredential;

/**
 * The default credential store: a collection of the read store (embedded SQLite or MongoDB),
 * keyed by the token's hash so that authenticating a request is one lookup by `_id`.
 * It is not a read model: no projection writes it and a rebuild never clears it.
 */
export class ReadStoreCredentialStore implements CredentialStore {
  constructor(private readonly store: ReadStore) {}

  async save(credential: StoredCredential): Promise<void> {
    await this.store.ensureIndex(CREDENTIALS_COLLECTION, { fields: ['credentialId'], unique: true });
    await this.store.upsert(CREDENTIALS_COLLECTION, { _id: credential.tokenHash, ...credential });
  }

  async findByTokenHash(tokenHash: string): Promise<StoredCredential | null> {
    const doc = await this.store.get<CredentialDocument>(CREDENTIALS_COLLECTION, tokenHash);
    return doc ? strip(doc) : null;
  }

  async list(): Promise<StoredCredential[]> {
    const docs = await this.store.find<CredentialDocument>(CREDENTIALS_COLLECTION, {}, { sort: { issuedAt: 1 } });
    return docs.map(strip);
  }

  async revoke(credentialId: string, at: string): Promise<boolean> {
    const [doc] = await this.store.find<CredentialDocument>(CREDENTIALS_COLLECTION, { credentialId }, { limit: 1 });
    if (!doc) return false;
    if (doc.revokedAt === null) await this.store.upsert(CREDENTIALS_COLLECTION, { ...doc, revokedAt: at });
    return true;
  }

  count(): Promise<number> {
    return this.store.count(CREDENTIALS_COLLECTION);
  }
}

function strip({ _id, ...credential }: CredentialDocument): StoredCredential {
  return credential;
}
