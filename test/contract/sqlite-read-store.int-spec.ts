import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '../../src/shared/read-store/sqlite/sqlite-read-store';
import { readStoreContract } from './read-store.contract';

readStoreContract('SQLite (embedded)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  // A subdirectory that does not exist yet: the adapter creates it.
  const file = join(dir, 'nested', 'read-models.db');
  const opened: SqliteReadStore[] = [new SqliteReadStore({ file })];
  return {
    store: opened[0],
    reopen: async () => {
      const store = new SqliteReadStore({ file });
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
