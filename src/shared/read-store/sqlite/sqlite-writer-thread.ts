/**
 * A writer for one SQLite file on a thread of its own: each batch of statements runs in one
 * transaction there, commit and fsync included, while the event loop goes on serving requests.
 * better-sqlite3 is synchronous, so on the request thread every projector flush (documents of
 * several read models, a WAL write and an fsync) stopped every request for its duration.
 *
 * The worker opens its own connection with the same pragmas. WAL lets the request thread's
 * connection read beside it; a read begun after a batch's promise resolved sees the batch.
 */
import { Worker } from 'node:worker_threads';

/** One statement of a batch: its SQL text and its parameters. */
export type WriteStep = readonly [sql: string, params: readonly unknown[]];

export class WriterThreadError extends Error {
  constructor(
    message: string,
    /** SQLite's error code (`SQLITE_CONSTRAINT_UNIQUE`, ...), when SQLite raised it. */
    readonly code: string | undefined,
    /** The index of the step that failed in its batch. */
    readonly step: number | undefined,
  ) {
    super(message);
    this.name = 'WriterThreadError';
  }
}

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; error?: { message: string; code?: string; step?: number } };

/**
 * The worker's source, evaluated rather than loaded from a file: the same text runs from the
 * compiled service and under jest (which transforms TypeScript for the main thread only).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const pragma of workerData.pragmas) db.pragma(pragma);
const statements = new Map();
function statement(sql) {
  let found = statements.get(sql);
  if (!found) {
    if (statements.size >= 512) statements.clear();
    found = db.prepare(sql);
    statements.set(sql, found);
  }
  return found;
}
let step;
const run = db.transaction((steps) => {
  for (step = 0; step < steps.length; step++) statement(steps[step][0]).run(...steps[step][1]);
});
parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.postMessage({ id: message.id });
    return;
  }
  try {
    step = undefined;
    run(message.steps);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message || error), code: error && error.code, step } });
  }
});
`;

export class SqliteWriterThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private last: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly pragmas: readonly string[],
  ) {}

  /** Runs the steps in one transaction on the writer thread; resolves once it is committed. */
  run(steps: readonly WriteStep[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`the writer of ${this.file} is closed`));
    return this.send({ steps });
  }

  /** Resolves once every batch sent before it has settled (the thread answers in order). */
  idle(): Promise<void> {
    return this.last;
  }

  /** Waits for the batches sent, then closes the worker's connection and ends the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.worker) return;
    const worker = this.worker;
    await this.send({ close: true }).catch(() => undefined);
    await worker.terminate();
    this.worker = undefined;
  }

  private send(message: { steps?: readonly WriteStep[]; close?: true }): Promise<void> {
    const worker = this.started();
    const id = this.nextId++;
    const sent = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // a thread with work in hand keeps the process alive until it answers; idle, it does not
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, ...message });
    });
    this.last = sent.catch(() => undefined);
    return sent;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: this.file, pragmas: this.pragmas },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`the writer thread of ${this.file} exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle({ id, error }: Reply): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    if (error) pending.reject(new WriterThreadError(error.message, error.code, error.step));
    else pending.resolve();
  }

  /** The thread died: what it had in hand is rejected (its transaction rolled back), the next batch starts a new one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(error);
  }
}
