import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The service cannot use its data directory or one of its embedded files: it refuses to start. */
export class EmbeddedStorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedStorageError';
  }
}

/**
 * Creates DATA_DIR if missing and proves the service can write in it, or throws a message naming
 * the directory and what is needed (instead of a raw `ENOENT mkdir` or `SQLITE_CANTOPEN`).
 */
export function assertDataDirWritable(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new EmbeddedStorageError(
      `DATA_DIR ${dir} cannot be used (${code}: ${(error as Error).message}). The service keeps its embedded SQLite files ` +
        `(events.sqlite, read-models.sqlite, subject-keys.sqlite) there and needs a directory it can create and write: ` +
        `make it writable for the service's user or point DATA_DIR at one.`,
    );
  }
}

/**
 * `PRAGMA quick_check` on an existing embedded file before it is opened for use, so a damaged
 * file stops the start naming the file instead of failing later on some read or append.
 * quick_check (not integrity_check): it finds damaged pages and records but skips the index
 * cross-checks that make integrity_check several times slower on a big file (docs/operations.md).
 */
export function assertFileIntact(file: string): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  let problems: string[];
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      problems = (db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>).map((r) => r.quick_check);
    } finally {
      db.close();
    }
  } catch (error) {
    problems = [`${(error as { code?: string }).code ?? 'error'}: ${(error as Error).message}`];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new EmbeddedStorageError(
    `the embedded file ${file} failed its start-up integrity check (PRAGMA quick_check): ${problems.slice(0, 5).join('; ')}. ` +
      `The service refuses to start on a damaged file: restore it from a backup (events.sqlite is the record; ` +
      `read-models.sqlite can be deleted and rebuilt from the events).`,
  );
}

/** Both checks, for an embedded file about to be opened in DATA_DIR. */
export function checkEmbeddedFile(file: string): string {
  assertDataDirWritable(path.dirname(file));
  assertFileIntact(file);
  return file;
}
