import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyChain } from '../integrity/domain/chain-verification';
import type { ChainReport } from '../integrity/domain/chain-verification';
import { describeCheckpoint } from '../integrity/domain/checkpoint';
import { verifyRecordProof } from '../integrity/domain/record-proof';
import { parseCheckpoints } from '../integrity/checkpoints/checkpoint-log';
import { readPublicKey } from '../integrity/signing-key/signing-key';
import { SqliteChainFile } from '../shared/event-store/sqlite/sqlite-chain-file';

const USAGE = `usage:
  npm run verify -- --store <events.sqlite> --public-key <key.pem> [--checkpoints <checkpoints.jsonl>]... [--json]
  npm run verify -- --record <record-proof.json> --public-key <key.pem> [--json]
Checks a copy of the embedded event log, or one employee's exported record, outside the service,
with only the public key (GET /integrity/public-key). Exit code 0: verified; 1: something is
altered, missing, added or out of order (each named); 2: the command could not run.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { store: { type: 'string' }, record: { type: 'string' }, 'public-key': { type: 'string' }, checkpoints: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args['public-key'] || (args.store === undefined) === (args.record === undefined)) {
    console.error(USAGE);
    return 2;
  }
  const publicKey = readPublicKey(args['public-key']);
  if (args.record !== undefined) return verifyRecord(args.record, publicKey, args.json === true);
  return verifyStore(args.store!, args.checkpoints ?? [], publicKey, args.json === true);
}

function verifyRecord(file: string, publicKey: ReturnType<typeof readPublicKey>, json: boolean): number {
  let proof: unknown;
  try {
    proof = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.log(`NOT VERIFIED: ${file} is not a readable JSON export (${(error as Error).message})`);
    return 1;
  }
  const verdict = verifyRecordProof(proof, publicKey);
  if (json) console.log(JSON.stringify(verdict, null, 2));
  else if (verdict.verified) console.log(`verified: ${verdict.events} events of ${verdict.subject} are in the signed log, unchanged, at the ${describeCheckpoint(verdict.checkpoint)}, key ${verdict.checkpoint.keyId}`);
  else for (const problem of verdict.problems) console.log(`NOT VERIFIED: ${problem}`);
  return verdict.verified ? 0 : 1;
}

async function verifyStore(file: string, checkpointFiles: string[], publicKey: ReturnType<typeof readPublicKey>, json: boolean): Promise<number> {
  const store = new SqliteChainFile(file);
  try {
    const parsed = checkpointFiles.map((name) => parseCheckpoints(fs.readFileSync(name, 'utf8'), name));
    const report = await verifyChain(store.chain, parsed.flatMap((one) => one.checkpoints), publicKey);
    for (const message of parsed.flatMap((one) => one.unreadable)) report.findings.push({ kind: 'untrusted-checkpoint', message });
    report.intact = report.findings.length === 0;
    console.log(json ? JSON.stringify(report, null, 2) : summary(report, checkpointFiles.length > 0));
    return report.intact ? 0 : 1;
  } finally {
    store.close();
  }
}

function summary(report: ChainReport, checkpointsGiven: boolean): string {
  const lines = report.findings.map((finding) => `${finding.kind.toUpperCase()}: ${finding.message}`);
  if (report.intact && report.verifiedUpTo) {
    const { position, checkpoint } = report.verifiedUpTo;
    lines.push(`verified up to position ${position} at the ${describeCheckpoint(checkpoint)}, key ${checkpoint.keyId}`);
  } else if (report.intact) {
    lines.push(`the chain of ${report.events} events holds, but no checkpoint ${checkpointsGiven ? 'given covers it' : 'was given (--checkpoints)'}: a log rewritten with fresh links would pass too`);
  } else {
    lines.push(`NOT VERIFIED: ${report.findings.length} finding(s) in ${report.events} events`);
  }
  if (report.intact && report.verifiedUpTo && report.unsignedEvents > 0) lines.push(`${report.unsignedEvents} events after it are chained but not yet signed`);
  return lines.join('\n');
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`verify could not run: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
