import * as path from 'node:path';

/**
 * One folder per test run, made by test/global-setup.ts and checked and removed by
 * test/global-teardown.ts: `tmp` is os.tmpdir() for the tests and the services they start;
 * `children` holds a file per running service process that a test started (see service-process.ts).
 */
export const RUN_DIR_PREFIX = 'ledger-test-run-';
export const RUN_DIR_ENV = 'LEDGER_TEST_RUN_DIR';
export const TMPDIR_BEFORE_ENV = 'LEDGER_TEST_TMPDIR_BEFORE';

export function runDirs(runDir: string) {
  return { tmp: path.join(runDir, 'tmp'), children: path.join(runDir, 'children') };
}

/** Where a started service process is registered while it runs, or undefined outside a jest run with the global setup. */
export function childrenDir(): string | undefined {
  const runDir = process.env[RUN_DIR_ENV];
  return runDir ? runDirs(runDir).children : undefined;
}
