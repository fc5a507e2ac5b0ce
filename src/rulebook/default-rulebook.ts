import type { RulebookVersion } from './domain/rulebook.types';
import rulebook from './default-rulebook.json';

/** The rulebook shipped with the service, written from the seeds (each rule names its `seed:line`). */
export const defaultRulebook = rulebook as RulebookVersion;
