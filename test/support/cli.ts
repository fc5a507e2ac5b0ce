import { spawn } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../bin/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/cli.js <tool> ...` on a folder, to its exit (the built service: npm test builds it first). */
export function runCli(args: string[], dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The demo company seeded into a folder, the deadline watcher's timer off (the seeding settles what it sets off). */
export const runDemo = (dataDir: string): Promise<CliRun> => runCli(['demo'], dataDir, { DEADLINE_WATCH_INTERVAL_MS: '0' });
