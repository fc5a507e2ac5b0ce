import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes `text` to `file` (flag 'a' appends, 'w' replaces) and fsyncs it before returning; makes its folder when missing. */
export function writeSynced(file: string, text: string, flag: 'a' | 'w'): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, flag);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
