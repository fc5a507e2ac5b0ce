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

/**
 * The export as an auditor hands it on: it verifies with only the public key and says nothing is
 * left out; with one event left out, or one byte of a deduction's points changed, it is refused.
 */
export async function expectRecordProofToHold(exportText: string, file: string, publicKeyFile: string, dataDir: string): Promise<void> {
  fs.writeFileSync(file, exportText);
  const verified = await verifyRecordFile(file, publicKeyFile, dataDir);
  expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^verified: \d+ events of employee:E-1 are in the signed log, unchanged, at the checkpoint of .*, and none of its events up to it is left out$/m) });
  // one event left out, the hearing or the deduction an arbitrator would not see: each remaining one is still in the signed log
  const partial = await verifyWithOneEventLeftOut(exportText, 1, file, publicKeyFile, dataDir);
  expect(partial.code).toBe(1);
  expect(partial.stdout).toMatch(/NOT VERIFIED: the export does not hold exactly the events of employee:E-1 up to the checkpoint: an event of it is left out or added/);
  // one byte: the points of a deduction (1 → 0)
  const refused = await verifyWithOneByteChanged(exportText, file, publicKeyFile, dataDir);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/NOT VERIFIED: the event at position \d+ \(DeductionApplied, deduction-D-\d revision 0\) is altered/);
}
