import type { INestApplication } from '@nestjs/common';
import { SagaRunner } from '../policies/sagas/saga-runner.service';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { ProjectorService } from '../shared/projector/projector.service';

/** Until the sagas and the projections have handled every stored event, including those they appended meanwhile. */
export async function settle(app: INestApplication): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  for (;;) {
    const head = await store.headPosition();
    await app.get(SagaRunner).waitFor(head);
    await app.get(ProjectorService).waitFor(head, 60_000);
    if ((await store.headPosition()) === head) return;
  }
}
