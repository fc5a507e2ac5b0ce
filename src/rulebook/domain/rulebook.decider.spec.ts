import { DomainError } from '../../shared/domain/domain-error';
import { deciderSpecification } from '../../shared/testing/decider-specification';
import { defaultRulebook } from '../default-rulebook';
import { rulebookDecider } from './rulebook.decider';
import type { PublishRulebookVersion } from './rulebook.decider';
import type { RulebookVersionPublished } from './rulebook.events';
import type { RulebookVersion } from './rulebook.types';
import { refuseUnderRulebook } from './rulebook.errors';

const spec = deciderSpecification(rulebookDecider, refuseUnderRulebook);
const v1: RulebookVersion = { ...defaultRulebook, version: 1, effectiveFrom: '2026-01-01T00:00:00+08:00' };
const v2: RulebookVersion = { ...defaultRulebook, version: 2, effectiveFrom: '2026-07-01T00:00:00+08:00' };
const publish = (rulebook: RulebookVersion, now = '2026-05-01T00:00:00.000Z'): PublishRulebookVersion => ({ type: 'PublishRulebookVersion', data: { companyId: 'default', rulebook }, now });
const published = (rulebook: RulebookVersion, publishedAt = '2026-01-01T00:00:00.000Z'): RulebookVersionPublished => ({ type: 'RulebookVersionPublished', data: { companyId: 'default', publishedAt, rulebook } });

/** The code and the field a refusal names. */
function refusal(given: RulebookVersionPublished[], command: PublishRulebookVersion): { code: string; path: unknown } {
  const state = given.reduce(rulebookDecider.evolve, rulebookDecider.initialState);
  try {
    rulebookDecider.decide(command, state, undefined);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, path: error.details.path };
    throw error;
  }
  throw new Error('the command was accepted');
}

describe('publishing a rulebook version', () => {
  it('publishes the first version whenever it takes effect, stamped with the time it was published and the company', () => {
    spec.given([]).when(publish(v1, '2026-05-01T00:00:00.000Z')).then([published(v1, '2026-05-01T00:00:00.000Z')]);
  });

  it('publishes the next version from a later effectiveFrom, in force from now or later', () => {
    spec.given([published(v1)]).when(publish(v2)).then([published(v2, '2026-05-01T00:00:00.000Z')]);
  });

  it('takes a revision that is in force from the very instant it is published', () => {
    const now = new Date(Date.parse(v2.effectiveFrom)).toISOString();
    spec.given([published(v1)]).when(publish(v2, now)).then([published(v2, now)]);
  });

  it('appends nothing when the same version with the same content is published again', () => {
    spec.given([published(v1), published(v2)]).when(publish(v1)).then([]);
    spec.given([published(v1), published(v2)]).when(publish(v2)).then([]);
  });

  it('refuses a published version number with other content', () => {
    expect(refusal([published(v1)], publish({ ...v1, title: 'another' }))).toEqual({ code: 'rulebook_version_exists', path: undefined });
  });

  it('refuses a version that is not the next number, naming the version field', () => {
    expect(refusal([published(v1)], publish({ ...v2, version: 3 }))).toEqual({ code: 'rulebook_version_not_next', path: 'version' });
    expect(refusal([published(v1), published(v2)], publish({ ...v2, version: 4, effectiveFrom: '2026-09-01T00:00:00+08:00' }))).toEqual({ code: 'rulebook_version_not_next', path: 'version' });
  });

  it('refuses a revision that takes effect at or before the version it follows', () => {
    expect(refusal([published(v1)], publish({ ...v2, effectiveFrom: v1.effectiveFrom }))).toEqual({ code: 'rulebook_effective_from_not_after_previous', path: 'effectiveFrom' });
    expect(refusal([published(v1)], publish({ ...v2, effectiveFrom: '2025-12-31T23:59:59+08:00' }))).toEqual({ code: 'rulebook_effective_from_not_after_previous', path: 'effectiveFrom' });
  });

  it('refuses a revision in force before it is published: what was in force stays in force', () => {
    const oneMsAfter = new Date(Date.parse(v2.effectiveFrom) + 1).toISOString();
    expect(refusal([published(v1)], publish(v2, oneMsAfter))).toEqual({ code: 'rulebook_revision_retroactive', path: 'effectiveFrom' });
  });

  it('validates the version as a whole before publishing it', () => {
    expect(refusal([], publish({ ...v1, schemes: [] }))).toEqual({ code: 'rulebook_without_schemes', path: 'schemes' });
  });

  it('keeps every published version, in publishing order', () => {
    const state = [published(v1), published(v2)].reduce(rulebookDecider.evolve, rulebookDecider.initialState);
    expect(state.versions.map((v) => v.version)).toEqual([1, 2]);
  });
});
