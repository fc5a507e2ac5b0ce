import type { Clock } from '../../shared/clock';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { rulebookDecider } from '../domain/rulebook.decider';
import type { RulebookVersion } from '../domain/rulebook.types';
import { rulebookStream } from '../load-rulebook';

/** Publishes a version on `rulebook-<companyId>`; shared by the HTTP handler and `npm run load-rulebook`. */
export function publishRulebookVersion(store: EventStore, clock: Clock, companyId: string, rulebook: RulebookVersion, metadata: CommandMetadata, expectedRevision?: number): Promise<CommandResult> {
  return handleCommand(store, rulebookStream(companyId), rulebookDecider, { type: 'PublishRulebookVersion', data: { companyId, rulebook }, now: clock.now().toISOString() }, {
    metadata,
    expectedRevision,
    occurredAt: (event) => event.data.rulebook.effectiveFrom,
    subjects: (event) => [`rulebook:${event.data.companyId}`],
  });
}
