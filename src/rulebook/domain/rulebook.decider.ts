import type { Decider } from '../../shared/domain/decider';
import { assertNever } from '../../shared/domain/domain-error';
import { refuseUnderRulebook } from './rulebook.errors';
import { isSameFact } from '../../shared/domain/same-fact';
import type { RulebookEvent } from './rulebook.events';
import type { RulebookVersion } from './rulebook.types';
import { validateRulebookVersion } from './rulebook.validation';

export interface PublishRulebookVersion {
  type: 'PublishRulebookVersion';
  data: { companyId: string; rulebook: RulebookVersion };
  now: string;
}

/** Every published version, in publishing order (which is also effectiveFrom order). */
export interface RulebookState {
  versions: RulebookVersion[];
}

export const rulebookDecider: Decider<PublishRulebookVersion, RulebookEvent, RulebookState> = {
  initialState: { versions: [] },
  evolve(state, event) {
    switch (event.type) {
      case 'RulebookVersionPublished':
        return { versions: [...state.versions, event.data.rulebook] };
      default:
        return assertNever(event.type);
    }
  },
  decide(command, state) {
    const { rulebook } = command.data;
    const same = state.versions.find((v) => v.version === rulebook.version);
    if (same) {
      if (isSameFact(same, rulebook)) return [];
      throw refuseUnderRulebook('rulebook_version_exists', `version ${rulebook.version} is already published with other content`);
    }
    validateRulebookVersion(rulebook);
    const last = state.versions[state.versions.length - 1];
    if (last && rulebook.version !== last.version + 1) {
      throw refuseUnderRulebook('rulebook_version_not_next', `the next version is ${last.version + 1}`, { path: 'version' });
    }
    // A version never reaches back behind the one before it: what was in force stays in force.
    if (last && !(Date.parse(rulebook.effectiveFrom) > Date.parse(last.effectiveFrom))) {
      throw refuseUnderRulebook('rulebook_effective_from_not_after_previous', `effectiveFrom must be after ${last.effectiveFrom}, when version ${last.version} took effect`, { path: 'effectiveFrom' });
    }
    if (last && Date.parse(rulebook.effectiveFrom) < Date.parse(command.now)) {
      throw refuseUnderRulebook('rulebook_revision_retroactive', 'a revision takes effect now or later, never in the past', { path: 'effectiveFrom' });
    }
    return [{ type: 'RulebookVersionPublished', data: { companyId: command.data.companyId, publishedAt: command.now, rulebook } }];
  },
};
