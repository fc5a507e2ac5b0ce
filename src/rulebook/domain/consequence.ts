import { versionInForce } from './rule-in-force';
import type { Versions } from './rule-in-force';
import type { Consequence, RulebookVersion } from './rulebook.types';

/** A fact the rulebook may attach a cost to, for the person responsible. */
export type ConsequenceTrigger =
  | { kind: 'ticketBreach'; milestone: 'acknowledgement' | 'arrival' | 'resolution' }
  | { kind: 'complaintBreach'; milestone: 'handling' | 'callback' }
  | { kind: 'upheldComplaint'; severity: string }
  | { kind: 'missedTalk' };

export type ResolvedConsequence =
  | { costs: true; ruleCode: string; points: number; serious: boolean; rulebookVersion: number }
  | { costs: false; reason: string; rulebookVersion?: number };

/**
 * What a fact at `at` costs a person in `position`: the consequence the rulebook version in force
 * at that instant names for the position. A revision never changes the answer for an earlier
 * instant, so a replay resolves the same. No consequence named: the fact costs nothing.
 */
export function resolveConsequence(versions: Versions, position: string, trigger: ConsequenceTrigger, at: string): ResolvedConsequence {
  const version = versionInForce(versions, at);
  if (!version) return { costs: false, reason: `no rulebook version is in force at ${at}` };
  const scheme = version.schemes.find((s) => s.position === position);
  if (!scheme) return { costs: false, reason: `rulebook version ${version.version} has no scheme for position ${position}`, rulebookVersion: version.version };
  const consequence = pick(scheme.consequences, trigger);
  if (!consequence) return { costs: false, reason: `rulebook version ${version.version} names no consequence of ${describe(trigger)} for position ${position}`, rulebookVersion: version.version };
  const { points, serious } = pointsOf(version, consequence, trigger);
  return { costs: true, ruleCode: consequence.rule, points, serious, rulebookVersion: version.version };
}

function pick(consequences: RulebookVersion['schemes'][number]['consequences'], trigger: ConsequenceTrigger): Consequence | undefined {
  switch (trigger.kind) {
    case 'ticketBreach':
      return consequences?.ticketBreach?.[trigger.milestone];
    case 'complaintBreach':
      return consequences?.complaintBreach?.[trigger.milestone];
    case 'upheldComplaint':
      return consequences?.upheldComplaint?.[trigger.severity] ?? consequences?.upheldComplaint?.normal;
    case 'missedTalk':
      return consequences?.missedTalk;
  }
}

/** A serious or group complaint takes the rule's stricter variant where it has one (001:17). */
function pointsOf(version: RulebookVersion, consequence: Consequence, trigger: ConsequenceTrigger): { points: number; serious: boolean } {
  const rule = version.rules.find((r) => r.code === consequence.rule);
  if (consequence.points !== undefined) return { points: consequence.points, serious: false };
  if (rule?.shape.kind === 'fixed') {
    const serious = trigger.kind === 'upheldComplaint' && trigger.severity !== 'normal' && rule.serious !== undefined;
    return { points: serious && rule.serious ? rule.serious.points : rule.shape.points, serious };
  }
  // validation guarantees a range rule's consequence names its points
  throw new Error(`consequence ${consequence.rule} of version ${version.version} has no points`);
}

export function describe(trigger: ConsequenceTrigger): string {
  switch (trigger.kind) {
    case 'ticketBreach':
      return `a breach of the ticket's ${trigger.milestone} clock`;
    case 'complaintBreach':
      return `a breach of the complaint's ${trigger.milestone} clock`;
    case 'upheldComplaint':
      return `an upheld ${trigger.severity} complaint`;
    case 'missedTalk':
      return 'a missed talk after a penalty';
  }
}
