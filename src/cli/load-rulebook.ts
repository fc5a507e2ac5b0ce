import 'reflect-metadata';
import * as fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../shared/config/app-config';
import { systemClock } from '../shared/clock';
import { createEventStore, describeStores } from '../shared/infrastructure/stores.factory';
import { eventSchemas } from '../event-schemas';
import { defaultRulebook } from '../rulebook/default-rulebook';
import { DEFAULT_COMPANY } from '../rulebook/domain/rulebook.types';
import type { RulebookVersion } from '../rulebook/domain/rulebook.types';
import { PublishRulebookVersionCommand } from '../rulebook/publish-rulebook-version/publish-rulebook-version.command';
import { PublishRulebookVersionHandler } from '../rulebook/publish-rulebook-version/publish-rulebook-version.handler';

/**
 * `npm run load-rulebook` publishes the shipped default rulebook (src/rulebook/default-rulebook.json);
 * `npm run load-rulebook -- path/to/version.json` publishes another version. Loading it twice appends nothing.
 */
async function main(file?: string): Promise<void> {
  const config = loadConfig();
  const rulebook = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RulebookVersion) : defaultRulebook;
  const store = await createEventStore(config, eventSchemas);
  try {
    console.log(describeStores(config));
    const id = randomUUID();
    const result = await new PublishRulebookVersionHandler(store, systemClock).execute(
      new PublishRulebookVersionCommand({ type: 'PublishRulebookVersion', data: { companyId: DEFAULT_COMPANY, rulebook } }, { actor: 'system:load-rulebook', correlationId: id, causationId: id, idempotencyKey: `rulebook-v${rulebook.version}` }),
    );
    console.log(result.appended ? `published rulebook version ${rulebook.version} (${result.streamName}@${result.revision})` : `rulebook version ${rulebook.version} was already published`);
  } finally {
    await store.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
