import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RUN_DIR_ENV, RUN_DIR_PREFIX, runDirs, TMPDIR_BEFORE_ENV } from './support/test-run';

/**
 * Gives the run a folder of its own and points TMPDIR (os.tmpdir()) into it, for the tests and for
 * the service processes they start, so that global-teardown.ts can check nothing was left behind.
 */
export default function globalSetup(): void {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), RUN_DIR_PREFIX));
  const { tmp, children } = runDirs(runDir);
  fs.mkdirSync(tmp);
  fs.mkdirSync(children);
  process.env[TMPDIR_BEFORE_ENV] = process.env.TMPDIR ?? '';
  process.env[RUN_DIR_ENV] = runDir;
  process.env.TMPDIR = tmp;
}
