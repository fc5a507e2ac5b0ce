import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DATA_DIR_LOCK = Symbol('DATA_DIR_LOCK');

/** Thrown when another running process holds the data directory. */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';
  constructor(readonly dataDir: string, holder: string | undefined) {
    super(
      `DATA_DIR ${dataDir} is in use by another running instance${holder ? ` (${holder})` : ''}: the embedded stores allow one writer. ` +
        'Stop the other instance, give this one its own DATA_DIR, or run several instances on EventStoreDB and MongoDB.',
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * The one-writer lock of the embedded stores: an exclusive SQLite lock (`locking_mode=EXCLUSIVE`,
 * an OS file lock) on `DATA_DIR/instance.lock`, held for the life of the process. The operating
 * system drops it when the holder dies, so a crashed instance never blocks the next start.
 * The holder's pid and start time are written beside it (`instance.pid`) for the refusal message.
 */
export class DataDirLock {
  private constructor(private db: Database.Database | undefined, private readonly pidFile: string) {}

  static acquire(dataDir: string): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const pidFile = path.join(dataDir, 'instance.pid');
    const db = new Database(path.join(dataDir, 'instance.lock'), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // a write takes the exclusive lock; in exclusive locking mode it is kept until the close
      db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; INSERT INTO holder VALUES (' + process.pid + '); COMMIT;');
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED') {
        throw new DataDirInUseError(dataDir, readHolder(pidFile));
      }
      throw error;
    }
    fs.writeFileSync(pidFile, `pid ${process.pid}, started ${new Date().toISOString()}\n`);
    return new DataDirLock(db, pidFile);
  }

  release(): void {
    if (!this.db) return;
    fs.rmSync(this.pidFile, { force: true });
    this.db.close();
    this.db = undefined;
  }
}

function readHolder(pidFile: string): string | undefined {
  try {
    return fs.readFileSync(pidFile, 'utf8').trim();
  } catch {
    return undefined;
  }
}
