import { refuseUnderRulebook } from './rulebook.errors';
import { complaintClocks, ticketClocks } from './rulebook.types';
import type { Consequence, Rule, Scheme } from './rulebook.types';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

const severities = ['normal', 'serious', 'group'];

/**
 * A scheme's consequences name deduction rules of the same version that apply to the scheme's
 * position; a range rule needs the points it costs, within its range, and no other rule takes any.
 */
export function validateConsequences(scheme: Scheme, rules: readonly Rule[], path: string): void {
  const c = scheme.consequences;
  if (c === undefined) return;
  if (typeof c !== 'object' || c === null || Array.isArray(c)) fail('consequences_malformed', 'consequences must be an object', path);
  const known = ['ticketBreach', 'complaintBreach', 'upheldComplaint', 'missedTalk'];
  for (const key of Object.keys(c)) if (!known.includes(key)) fail('consequence_unknown', `unknown consequence ${key}; one of ${known.join(', ')}`, `${path}.${key}`);
  checkMap(c.ticketBreach, ticketClocks, 'ticketBreach');
  checkMap(c.complaintBreach, complaintClocks, 'complaintBreach');
  checkMap(c.upheldComplaint, severities, 'upheldComplaint');
  if (c.missedTalk !== undefined) check(c.missedTalk, `${path}.missedTalk`);

  function checkMap(map: Partial<Record<string, Consequence>> | undefined, keys: readonly string[], name: string) {
    if (map === undefined) return;
    for (const [key, consequence] of Object.entries(map)) {
      if (!keys.includes(key)) fail('consequence_unknown', `${name} is keyed by ${keys.join(', ')}, not ${key}`, `${path}.${name}.${key}`);
      check(consequence, `${path}.${name}.${key}`);
    }
  }

  function check(consequence: Consequence | undefined, at: string) {
    const rule = rules.find((r) => r.code === consequence?.rule);
    if (!consequence || !rule) fail('consequence_rule_unknown', `consequence names rule ${consequence?.rule}, which this version does not hold`, `${at}.rule`);
    if (rule.effect !== 'deduction') fail('consequence_rule_not_a_deduction', `rule ${rule.code} is a bonus; a consequence costs points`, `${at}.rule`);
    if (!rule.positions.includes(scheme.position)) fail('consequence_rule_not_for_position', `rule ${rule.code} does not apply to position ${scheme.position}`, `${at}.rule`);
    const { shape } = rule;
    if (shape.kind === 'range') {
      const p = consequence.points;
      if (p === undefined || !(p >= shape.min && p <= shape.max && p > 0)) fail('consequence_points_invalid', `rule ${rule.code} is a range ${shape.min}-${shape.max}: the consequence needs its points within it`, `${at}.points`);
    } else if (consequence.points !== undefined) {
      fail('consequence_points_not_allowed', `rule ${rule.code} fixes its own points`, `${at}.points`);
    }
    if (shape.kind !== 'fixed' && shape.kind !== 'range') fail('consequence_rule_shape_unsupported', `rule ${rule.code} is ${shape.kind}: a consequence costs fixed points or a point within a range`, `${at}.rule`);
  }
}

function fail(code: RefusalCode<typeof refuseUnderRulebook>, message: string, path: string): never {
  throw refuseUnderRulebook(code, message, { path });
}
