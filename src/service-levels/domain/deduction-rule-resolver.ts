import type { ComplaintMilestone, DeductionRule, ServiceLevelSettings, TicketMilestone, TicketServiceLevelPolicy } from './service-level-policy';

/**
 * Which rule of the catalogue a fact breaks and what it costs. Until the rulebook lands the
 * service-level settings name the rules (`ConfiguredDeductionRules`); the rulebook can implement
 * this port instead. A rule is resolved when a clock starts or a verdict is recorded, and stored
 * in that event, so a replay never asks again.
 */
export interface DeductionRuleResolver {
  forTicketBreach(policy: TicketServiceLevelPolicy, milestone: TicketMilestone): DeductionRule | undefined;
  forComplaintBreach(milestone: ComplaintMilestone): DeductionRule | undefined;
  forUpheldComplaint(severity: string): DeductionRule | undefined;
  forMissedTalk(): DeductionRule | undefined;
}

export class ConfiguredDeductionRules implements DeductionRuleResolver {
  constructor(private readonly settings: ServiceLevelSettings) {}
  forTicketBreach(policy: TicketServiceLevelPolicy, milestone: TicketMilestone) {
    return policy.breachRules[milestone];
  }
  forComplaintBreach(milestone: ComplaintMilestone) {
    return this.settings.complaint.breachRules[milestone];
  }
  forUpheldComplaint(severity: string) {
    return this.settings.complaint.upheldRules[severity];
  }
  forMissedTalk() {
    return this.settings.talk.breachRule;
  }
}

/** The settings with every rule as the resolver names it: what the deciders are given. */
export function withResolvedRules(settings: ServiceLevelSettings, rules: DeductionRuleResolver): ServiceLevelSettings {
  const pick = <K extends string>(keys: readonly K[], rule: (key: K) => DeductionRule | undefined) =>
    Object.fromEntries(keys.flatMap((key) => {
      const found = rule(key);
      return found ? [[key, found]] : [];
    })) as Partial<Record<K, DeductionRule>>;
  const talkRule = rules.forMissedTalk();
  return {
    ticketPolicies: settings.ticketPolicies.map((policy) => ({
      ...policy,
      breachRules: pick(['acknowledgement', 'arrival', 'resolution'] as const, (m) => rules.forTicketBreach(policy, m)),
    })),
    complaint: {
      ...settings.complaint,
      breachRules: pick(['handling', 'callback'] as const, (m) => rules.forComplaintBreach(m)),
      upheldRules: pick(Object.keys(settings.complaint.upheldRules), (s) => rules.forUpheldComplaint(s)) as Record<string, DeductionRule>,
    },
    talk: { ...settings.talk, ...(talkRule ? { breachRule: talkRule } : {}) },
  };
}
