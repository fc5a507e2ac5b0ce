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
