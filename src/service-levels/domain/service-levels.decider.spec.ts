import { DomainError } from '../../shared/domain/domain-error';
import { defaultServiceLevels } from './default-service-levels';
import { checkSettings } from './service-levels.decider';
import type { ServiceLevelSettings } from './service-level-policy';

const codeAndPath = (settings: unknown) => {
  try {
    checkSettings(settings as ServiceLevelSettings);
    return 'valid';
  } catch (error) {
    return error instanceof DomainError ? `${error.code} at ${String((error.details as { path?: string }).path)}` : String(error);
  }
};

describe('service levels hold time targets and calendars, not prices', () => {
  it('accepts the shipped defaults', () => {
    expect(codeAndPath(defaultServiceLevels)).toBe('valid');
  });

  it('refuses a rule named in the service levels, naming where: what a fact costs is the rulebook’s', () => {
    const policy = { ...defaultServiceLevels.ticketPolicies[0], breachRules: { arrival: { ruleCode: '001:817', points: 1 } } };
    expect(codeAndPath({ ...defaultServiceLevels, ticketPolicies: [policy] })).toBe('consequences_belong_to_the_rulebook at ticketPolicies[0].breachRules');
    expect(codeAndPath({ ...defaultServiceLevels, complaint: { ...defaultServiceLevels.complaint, upheldRules: {} } })).toBe('consequences_belong_to_the_rulebook at complaint.upheldRules');
    expect(codeAndPath({ ...defaultServiceLevels, talk: { ...defaultServiceLevels.talk, breachRule: { ruleCode: '001:1239', points: 2 } } })).toBe('consequences_belong_to_the_rulebook at talk.breachRule');
  });
});
