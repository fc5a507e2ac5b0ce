import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainReader } from '../../shared/event-store/event-store.port';
import { keyIdOf } from '../domain/checkpoint';
import { MerkleLevels } from '../domain/merkle-tree';
import { LogCheckpointer } from './log-checkpointer';
import { CheckpointLog } from './checkpoint-log';
import { HeadsFile } from './heads-file';
import { foldIntoSubjects, HeadsTree, SUBJECT_HEAD_FORMAT } from '../domain/heads-tree';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key = { privateKey, publicKey, keyId: keyIdOf(publicKey), source: 'generated' as const, file: 'signing-key.pem' };

/** A log of chained links in memory, each event about one of two employees, counting the links each checkpointer reads. */
function chainOf(size: number) {
  const links: Buffer[] = [];
  const grow = (count: number) => {
    for (let i = 0; i < count; i++) links.push(linkOf(links[links.length - 1] ?? GENESIS_LINK, { id: `${links.length}`, streamName: 's-1', revision: links.length, type: 'T', data: '{}', metadata: '{}' }));
  };
  grow(size);
  const read = { links: 0 };
  const chain: ChainReader = {
    readLinks: async (after, max) => {
      const page = links.slice(after, after + max).map((link, i) => ({ position: after + i + 1, link }));
      read.links += page.length;
      return page;
    },
    readLinksAndMetadata: async (after, max) => {
      const page = links.slice(after, after + max).map((link, i) => ({ position: after + i + 1, link, metadata: subjectsOf(after + i + 1) }));
      read.links += page.length;
      return page;
    },
    readChain: async () => [],
    positionOfLink: async () => undefined,
  };
  return { links, grow, read, chain };
}

const subjectsOf = (position: number) => JSON.stringify({ subjects: [`employee:E-${position % 2}`] });

/** The subjects' heads of the first `size` events, folded from scratch. */
function subjectsRootOf(links: Buffer[]) {
  const subjects = new HeadsTree(SUBJECT_HEAD_FORMAT);
  links.forEach((link, i) => foldIntoSubjects(subjects, subjectsOf(i + 1), link));
  return { size: subjects.size, root: subjects.root().toString('hex') };
}

describe('the checkpointer', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-checkpointer-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const clock = { now: () => new Date('2026-04-01T00:00:00.000Z') };
  const headsFile = () => new HeadsFile(path.join(dir, 'heads.json'));

  it("after a start resumes from the frontier and the subjects' heads saved with the last checkpoint: it reads only the links since", async () => {
    const log = new CheckpointLog(path.join(dir, 'checkpoints.jsonl'));
    const { links, grow, read, chain } = chainOf(1000);
    await new LogCheckpointer(chain, { key, log, headsFile: headsFile(), clock }).sign();
    grow(37);
    read.links = 0;
    const restarted = await new LogCheckpointer(chain, { key, log, headsFile: headsFile(), clock }).sign();
    expect(read.links).toBe(1 + 37); // the saved head's own link, checked, then the new ones
    expect(restarted).toMatchObject({ size: 1037, position: 1037, root: MerkleLevels.of(links).root().toString('hex'), subjects: subjectsRootOf(links) });
  });

  it("reads every link again when the saved subjects' heads are not the ones signed", async () => {
    const log = new CheckpointLog(path.join(dir, 'checkpoints.jsonl'));
    const { links, read, chain } = chainOf(300);
    await new LogCheckpointer(chain, { key, log, headsFile: headsFile(), clock }).sign();
    const saved = headsFile().read()!;
    headsFile().save({ ...saved, subjects: saved.subjects!.slice(1) });
    read.links = 0;
    const again = await new LogCheckpointer(chain, { key, log, headsFile: headsFile(), clock }).sign();
    expect(read.links).toBe(300);
    expect(again.subjects).toEqual(subjectsRootOf(links));
  });

  it('reads every link again when the saved head is not the stored link at its position', async () => {
    const log = new CheckpointLog(path.join(dir, 'checkpoints.jsonl'));
    const { links, read, chain } = chainOf(500);
    await new LogCheckpointer(chain, { key, log, headsFile: headsFile(), clock }).sign();
    links[499] = Buffer.alloc(32, 7); // the store changed under the log
    read.links = 0;
    const again = await new LogCheckpointer(chain, { key, log, headsFile: headsFile(), clock }).sign();
    expect(read.links).toBe(1 + 500);
    expect(again.root).toBe(MerkleLevels.of(links).root().toString('hex'));
  });
});
