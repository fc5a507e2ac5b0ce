import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  betterSqlite3: string;
  sqlite: string;
  tempDir: { path: string; device: string; filesystem: string; mountOptions: string; sizeGiB: number; availableGiB: number };
  /** 1-minute load average at the start and end: these machines are shared, so say how busy. */
  loadAverage: { start: number; end?: number };
}

export function describeMachine(tempDir: string): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    memoryGiB: round1(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    betterSqlite3: packageVersion('better-sqlite3'),
    sqlite: sqliteVersion(),
    tempDir: describeDisk(tempDir),
    loadAverage: { start: round1(os.loadavg()[0]) },
  };
}

export function oneLineMachine(machine: MachineInfo): string {
  const disk = machine.tempDir;
  return (
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM; ${machine.kernel}; ` +
    `temp dir ${disk.path} on ${disk.device} (${disk.filesystem}, ${disk.mountOptions}); ` +
    `Node ${machine.node}, better-sqlite3 ${machine.betterSqlite3}, SQLite ${machine.sqlite}; ` +
    `load average ${machine.loadAverage.start} at start, ${machine.loadAverage.end ?? '?'} at end`
  );
}

function cpuModel(): string {
  const fromNode = os.cpus()[0]?.model?.trim();
  if (fromNode) return fromNode;
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function describeDisk(path: string): MachineInfo['tempDir'] {
  try {
    const [, line] = execFileSync('df', ['-PT', '-k', path], { encoding: 'utf8' }).trim().split('\n');
    const [device, filesystem, sizeKiB, , availableKiB, , mountPoint] = line.split(/\s+/);
    return {
      path,
      device,
      filesystem,
      mountOptions: mountOptionsOf(mountPoint),
      sizeGiB: round1(Number(sizeKiB) / 2 ** 20),
      availableGiB: round1(Number(availableKiB) / 2 ** 20),
    };
  } catch {
    return { path, device: 'unknown', filesystem: 'unknown', mountOptions: 'unknown', sizeGiB: 0, availableGiB: 0 };
  }
}

function mountOptionsOf(mountPoint: string): string {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' '));
    return mounts.filter((m) => m[1] === mountPoint).pop()?.[3] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
