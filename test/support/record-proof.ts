import * as fs from 'node:fs';
import { runCli } from './cli';
import type { CliRun } from './cli';

/** Verifies an exported record proof on the command line with only the public key. */
export const verifyRecordFile = (file: string, publicKeyFile: string, dataDir: string): Promise<CliRun> => runCli(['verify', '--record', file, '--public-key', publicKeyFile], dataDir);

/** Writes the export with one byte changed, a deduction's points (1 → 0), and verifies it. */
export function verifyWithOneByteChanged(exportText: string, file: string, publicKeyFile: string, dataDir: string): Promise<CliRun> {
  const at = exportText.indexOf('\\"points\\":1');
  if (at < 0) throw new Error('the export holds no deduction of 1 point to change');
  const changed = Buffer.from(exportText);
  changed[at + '\\"points\\":'.length] = '0'.charCodeAt(0);
  fs.writeFileSync(file, changed);
  return verifyRecordFile(file, publicKeyFile, dataDir);
}

/** Writes the export with its `index`-th event left out (each remaining event untouched), and verifies it. */
export function verifyWithOneEventLeftOut(exportText: string, index: number, file: string, publicKeyFile: string, dataDir: string): Promise<CliRun> {
  const proof = JSON.parse(exportText) as { events: unknown[] };
  proof.events.splice(index, 1);
  fs.writeFileSync(file, JSON.stringify(proof));
  return verifyRecordFile(file, publicKeyFile, dataDir);
}
