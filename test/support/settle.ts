import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { ProjectorService } from '../../src/shared/projector/projector.service';
import { SagaRunner } from '../../src/policies/sagas/saga-runner.service';

/** Waits until the sagas and read models have handled every event, including those the sagas caused. */
export async function settle(app: INestApplication): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  for (;;) {
    const head = await store.headPosition();
    await app.get(SagaRunner).waitFor(head);
    await app.get(ProjectorService).waitFor(head);
    if ((await store.headPosition()) === head) return;
  }
}
