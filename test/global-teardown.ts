import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUN_DIR_ENV, runDirs, TMPDIR_BEFORE_ENV } from './support/test-run';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Fails the run, loudly, when a test left a file or folder in the temporary directory or a service
 * process running; then removes the run's folder and kills those processes, so nothing outlives it.
 */
export default function globalTeardown(): void {
  const runDir = process.env[RUN_DIR_ENV];
  if (!runDir) return;
  const before = process.env[TMPDIR_BEFORE_ENV];
  if (before) process.env.TMPDIR = before;
  else delete process.env.TMPDIR;
  delete process.env[RUN_DIR_ENV];
  delete process.env[TMPDIR_BEFORE_ENV];

  const { tmp, children } = runDirs(runDir);
  const leftFiles = fs.readdirSync(tmp);
  const leftProcesses = fs
    .readdirSync(children)
    .map((name) => ({ pid: Number(name), startedBy: fs.readFileSync(path.join(children, name), 'utf8') }))
    .filter(({ pid }) => isRunning(pid));
  for (const { pid } of leftProcesses) process.kill(pid, 'SIGKILL');
  fs.rmSync(runDir, { recursive: true, force: true });

  if (leftFiles.length + leftProcesses.length > 0) {
    const problems = [
      ...leftFiles.map((name) => `  left in the temporary directory: ${name}`),
      ...leftProcesses.map(({ pid, startedBy }) => `  left running: service process ${pid}, started by ${startedBy}`),
    ];
    const rule = '='.repeat(100);
    throw new Error(`\n${rule}\nTESTS LEFT THINGS BEHIND (now removed); every test must remove what it creates, also when it fails:\n${problems.join('\n')}\n${rule}`);
  }
}
