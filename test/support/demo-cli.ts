import { spawn } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../bin/cli.js');

/** `node bin/cli.js demo` on a folder, to its exit (the built service: npm test builds it first). */
export function runDemo(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'demo'], { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', DEADLINE_WATCH_INTERVAL_MS: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
