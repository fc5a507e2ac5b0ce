import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SavedHeads } from '../domain/heads-tree';
import { writeSynced } from './synced-write';

/**
 * The heads at the newest checkpoint (the subjects', and on EventStoreDB the streams'), in
 * `<dataDir>/integrity/heads.json` (unsigned; written whole, then renamed over the last): the next
 * start resumes from them instead of reading the log again, and the verifier names the streams that
 * differ from what was signed. A copy whose root is not the signed one is not used.
 */
export class HeadsFile {
  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): HeadsFile {
    return new HeadsFile(path.join(dataDir, 'integrity', 'heads.json'));
  }

  save(saved: SavedHeads): void {
    const next = `${this.file}.next`;
    writeSynced(next, JSON.stringify(saved), 'w');
    fs.renameSync(next, this.file);
  }

  /** The saved heads, or undefined when there are none or the file holds something else. */
  read(): SavedHeads | undefined {
    if (!fs.existsSync(this.file)) return undefined;
    try {
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as SavedHeads;
      return Number.isFinite(saved?.position) && [saved.streams, saved.subjects].every((heads) => heads === undefined || Array.isArray(heads)) ? saved : undefined;
    } catch {
      return undefined;
    }
  }
}
