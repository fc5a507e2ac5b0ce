import type { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A temporary folder for a test. Make it in a hook or test, not while the file is collected (a run
 * that filters the test out with -t would run no hook to remove it), and remove it in afterAll or
 * finally once nothing uses it. Under jest os.tmpdir() is a folder of the run's own (see
 * test/global-setup.ts): global-teardown fails the run if a test leaves anything in it.
 */
export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ledger-${label}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A data folder of the describe block's own, for a service started (and restarted) on it: the app in
 * `app` is closed after each test, the folder removed after them all. Call it in a describe body.
 */
export function ownDataDir(label: string): { readonly dir: string; app: INestApplication | undefined } {
  let dir: string | undefined;
  const own = {
    get dir(): string {
      if (!dir) throw new Error('the data folder is made in beforeAll: use it inside a hook or a test');
      return dir;
    },
    app: undefined as INestApplication | undefined,
  };
  beforeAll(() => {
    dir = makeTempDir(label);
  });
  afterEach(async () => {
    await own.app?.close();
    own.app = undefined;
  });
  afterAll(() => removeDir(dir));
  return own;
}
