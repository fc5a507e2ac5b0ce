import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore, RecordedEvent } from '../../shared/event-store/event-store.port';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { ReadStore } from '../../shared/read-store/read-store.port';
import { asDomainEvent } from '../../shared/command-handling/handle-command';
import { periodSubject, STAFF_SUBJECT } from '../../shared/domain/subjects';
import { periodRecordIdOf } from '../domain/period-record';

/** Marks, in the read store, that every event stored before this version is indexed under its period and the staff. */
export const PERIOD_SUBJECTS_UPGRADE = 'upgrade:period-subjects-v1';
const PAGE = 5_000;

/** The subjects a close reads an event under, as the streams now give them on append. */
export function closeSubjectsOf(event: RecordedEvent): string[] {
  if (event.type === 'EmployeeRegistered') return [STAFF_SUBJECT];
  const recordId = periodRecordIdOf(asDomainEvent(event));
  return recordId ? [periodSubject(recordId.slice(recordId.lastIndexOf(':') + 1))] : [];
}

/**
 * Events stored before the streams listed a period's and the staff's subjects are indexed under
 * them once, at the first start of this version (the events are not touched: the store keeps the
 * index beside them). A close waits for it. Idempotent, so an interrupted pass simply runs again.
 */
@Injectable()
export class PeriodSubjectsUpgrade implements OnApplicationBootstrap {
  private readonly logger = new Logger('PeriodSubjectsUpgrade');
  private done?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  onApplicationBootstrap(): void {
    void this.ready().catch((error: unknown) => this.logger.error(`indexing stored events under their periods failed; a close will try again: ${String(error)}`));
  }

  /** Resolves once every stored event is readable under its period's and the staff's subjects. */
  ready(): Promise<void> {
    this.done ??= this.run().catch((error: unknown) => {
      this.done = undefined;
      throw error;
    });
    return this.done;
  }

  private async run(): Promise<void> {
    if ((await this.readStore.getCheckpoint(PERIOD_SUBJECTS_UPGRADE)) !== undefined) return;
    const head = await this.store.headPosition();
    let after = 0;
    let indexed = 0;
    while (after < head) {
      const page = await this.store.readAll({ fromPosition: after, maxCount: PAGE });
      if (page.length === 0) break;
      const entries = page
        .filter((event) => event.position <= head)
        // indexed whatever the metadata lists: indexing is idempotent, and the index is what reads use
        .map((event) => ({ event, subjects: closeSubjectsOf(event) }))
        .filter((entry) => entry.subjects.length > 0);
      if (entries.length > 0) await this.store.indexSubjects(entries);
      indexed += entries.length;
      after = page[page.length - 1].position;
    }
    await this.readStore.apply({ upserts: [], deletes: [], checkpoint: { name: PERIOD_SUBJECTS_UPGRADE, position: head } });
    if (indexed > 0) this.logger.log(`indexed ${indexed} stored events under their periods and the staff (up to position ${head})`);
  }
}
