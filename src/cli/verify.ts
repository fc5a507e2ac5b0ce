import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyChain } from '../integrity/domain/chain-verification';
import type { ChainReport } from '../integrity/domain/chain-verification';
import { describeCheckpoint } from '../integrity/domain/checkpoint';
import { verifyRecordProof } from '../integrity/domain/record-proof';
import { verifyStreamChains } from '../integrity/domain/stream-chain-verification';
import { parseCheckpoints } from '../integrity/checkpoints/checkpoint-log';
import { HeadsFile } from '../integrity/checkpoints/heads-file';
import { readPublicKey } from '../integrity/signing-key/signing-key';
import { EsdbEventStore } from '../shared/event-store/eventstoredb/esdb-event-store';
import { SqliteChainFile } from '../shared/event-store/sqlite/sqlite-chain-file';

const USAGE = `usage:
  npm run verify -- --store <events.sqlite> --public-key <key.pem> [--checkpoints <checkpoints.jsonl>]... [--json]
  npm run verify -- --eventstoredb <connection-string> --public-key <key.pem> [--checkpoints <checkpoints.jsonl>]... [--heads <heads.json>] [--json]
  npm run verify -- --record <record-proof.json> --public-key <key.pem> [--json]
Checks a copy of the embedded event log, an EventStoreDB server (a restored copy, or the live one:
it only reads), or one employee's exported record, outside the service, with only the public key
(GET /integrity/public-key). --heads (the service's <data>/integrity/heads.json) names the
EventStoreDB streams that differ from the newest checkpoint. Exit code 0: verified; 1: something
is altered, missing, added or out of order (each named); 2: the command could not run.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        store: { type: 'string' },
        eventstoredb: { type: 'string' },
        record: { type: 'string' },
        'public-key': { type: 'string' },
        checkpoints: { type: 'string', multiple: true },
        heads: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const sources = [args.store, args.eventstoredb, args.record].filter((source) => source !== undefined);
  if (!args['public-key'] || sources.length !== 1 || (args.heads !== undefined && args.eventstoredb === undefined)) {
    console.error(USAGE);
    return 2;
  }
  const publicKey = readPublicKey(args['public-key']);
  if (args.record !== undefined) return verifyRecord(args.record, publicKey, args.json === true);
  const checkpoints = readCheckpointFiles(args.checkpoints ?? []);
  const verify = args.store !== undefined ? verifyStore(args.store, checkpoints, publicKey) : verifyEventStoreDb(args.eventstoredb!, checkpoints, args.heads, publicKey);
  const report = await verify;
  report.findings.push(...checkpoints.unreadable.map((message) => ({ kind: 'untrusted-checkpoint' as const, message })));
  report.intact = report.findings.length === 0;
  console.log(args.json ? JSON.stringify(report, null, 2) : summary(report, checkpoints.files > 0));
  return report.intact ? 0 : 1;
}

type CheckpointFiles = { files: number; checkpoints: ReturnType<typeof parseCheckpoints>['checkpoints']; unreadable: string[] };

function readCheckpointFiles(files: string[]): CheckpointFiles {
  const parsed = files.map((name) => parseCheckpoints(fs.readFileSync(name, 'utf8'), name));
  return { files: files.length, checkpoints: parsed.flatMap((one) => one.checkpoints), unreadable: parsed.flatMap((one) => one.unreadable) };
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
  else if (verdict.verified) {
    const all = verdict.complete ? `, and none of its events up to it is left out` : ` (it signs no subjects' heads: whether an event of it is left out is not shown)`;
    console.log(`verified: ${verdict.events} events of ${verdict.subject} are in the signed log, unchanged, at the ${describeCheckpoint(verdict.checkpoint)}, key ${verdict.checkpoint.keyId}${all}`);
  }
  else for (const problem of verdict.problems) console.log(`NOT VERIFIED: ${problem}`);
  return verdict.verified ? 0 : 1;
}

async function verifyStore(file: string, { checkpoints }: CheckpointFiles, publicKey: ReturnType<typeof readPublicKey>): Promise<ChainReport> {
  const store = new SqliteChainFile(file);
  try {
    return await verifyChain(store.chain, checkpoints, publicKey);
  } finally {
    store.close();
  }
}

async function verifyEventStoreDb(connectionString: string, { checkpoints }: CheckpointFiles, headsFile: string | undefined, publicKey: ReturnType<typeof readPublicKey>): Promise<ChainReport> {
  const heads = headsFile === undefined ? undefined : new HeadsFile(headsFile).read();
  if (headsFile !== undefined && !heads) throw new Error(`--heads ${headsFile} is not the heads a service saved (<data>/integrity/heads.json)`);
  const store = await EsdbEventStore.connect(connectionString);
  try {
    return await verifyStreamChains(store.streamChain, checkpoints, publicKey, heads);
  } finally {
    await store.close();
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
