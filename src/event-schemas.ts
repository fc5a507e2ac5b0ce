import { EventSchemas } from './shared/event-store/upcasting';
import type { Upcaster } from './shared/event-store/upcasting';

/**
 * Every feature's upcasters, assembled here for the service and the command-line tools alike:
 * every event is read in the current shape of its type. None yet: every stored event type is at
 * version 1. When a feature changes an event's shape it adds `{ type, fromVersion: 1, upcast }`
 * here (see src/shared/event-store/upcasting.spec.ts for an example).
 */
const upcasters: Upcaster[] = [];

export const eventSchemas = new EventSchemas(upcasters);
