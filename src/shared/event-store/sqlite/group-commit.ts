export type Outcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

interface Pending<Request, Result> {
  request: Request;
  resolve(value: Result): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 1000;

/**
 * Collects the requests submitted in one turn of the event loop and commits them together:
 * `commitBatch` runs them in one transaction and returns one outcome per request. A request's
 * promise settles only after `commitBatch` returned, that is after COMMIT; if the transaction
 * itself fails, every request of the batch is rejected.
 */
export class GroupCommit<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly commitBatch: (requests: Request[]) => Outcome<Result>[],
    private readonly afterCommit: () => void,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits everything queued now (also used on close). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.commit(this.queue.splice(0, MAX_BATCH));
  }

  private commit(batch: Pending<Request, Result>[]): void {
    let outcomes: Outcome<Result>[];
    try {
      outcomes = this.commitBatch(batch.map((pending) => pending.request));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    outcomes.forEach((outcome, index) =>
      outcome.ok ? batch[index].resolve(outcome.value) : batch[index].reject(outcome.error),
    );
    this.afterCommit();
  }
}
