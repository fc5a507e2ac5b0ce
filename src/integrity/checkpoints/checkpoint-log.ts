import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SignedCheckpoint } from '../domain/checkpoint';
import type { FrontierState } from '../domain/merkle-tree';
import { writeSynced } from './synced-write';

/** A line of the log: the checkpoint, and the Merkle frontier it was signed from (not signed, for the next start to resume from). */
export type CheckpointLine = SignedCheckpoint & { frontier?: FrontierState };

/**
 * The checkpoints the service signed, one JSON line each, appended and fsync'd in
 * `<dataDir>/integrity/checkpoints.jsonl`, apart from the stores: cutting the log's tail leaves
 * them to say how far it reached. Auditors keep their own copies too (exports, the bulletin).
 */
export class CheckpointLog {
  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): CheckpointLog {
    return new CheckpointLog(path.join(dataDir, 'integrity', 'checkpoints.jsonl'));
  }

  append(checkpoint: CheckpointLine): void {
    writeSynced(this.file, `${JSON.stringify(checkpoint)}\n`, 'a');
  }

  /** Every checkpoint stored, and the lines that are not one (for the verifier to report). */
  read(): { checkpoints: CheckpointLine[]; unreadable: string[] } {
    return parseCheckpoints(fs.existsSync(this.file) ? fs.readFileSync(this.file, 'utf8') : '', this.file);
  }
}

export function parseCheckpoints(text: string, source: string): { checkpoints: CheckpointLine[]; unreadable: string[] } {
  const checkpoints: CheckpointLine[] = [];
  const unreadable: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const parsed = JSON.parse(line) as CheckpointLine;
      if (typeof parsed !== 'object' || parsed === null || !Number.isInteger(parsed.size)) throw new Error('not a checkpoint');
      checkpoints.push(parsed);
    } catch {
      unreadable.push(`${source} line ${index + 1} is not a checkpoint`);
    }
  });
  return { checkpoints, unreadable };
}
