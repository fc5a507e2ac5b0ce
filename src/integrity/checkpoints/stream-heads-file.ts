import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SavedStreamHeads } from '../domain/stream-chain-verification';

/**
 * The streams' heads at the newest checkpoint over them, in `<dataDir>/integrity/stream-heads.json`
 * (unsigned; written whole, then renamed over the last): the next start resumes from it instead of
 * reading all of `$all` again, and the verifier names the streams that differ from what was signed.
 * A copy whose root is not the signed one is not used.
 */
export class StreamHeadsFile {
  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): StreamHeadsFile {
    return new StreamHeadsFile(path.join(dataDir, 'integrity', 'stream-heads.json'));
  }

  save(saved: SavedStreamHeads): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const next = `${this.file}.next`;
    const fd = fs.openSync(next, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(saved));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(next, this.file);
  }

  /** The saved heads, or undefined when there are none or the file holds something else. */
  read(): SavedStreamHeads | undefined {
    if (!fs.existsSync(this.file)) return undefined;
    try {
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as SavedStreamHeads;
      return Number.isFinite(saved?.position) && Array.isArray(saved.heads) ? saved : undefined;
    } catch {
      return undefined;
    }
  }
}
