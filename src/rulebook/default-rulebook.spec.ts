import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultRulebook } from './default-rulebook';
import type { Rule, Scheme } from './domain/rulebook.types';
import { validateRulebookVersion } from './domain/rulebook.validation';

/**
 * The shipped default as a specification of the seeds: it validates, every scheme and rule cites a
 * `seed:line` that exists, a sample of citations is checked against the seed text itself, and the
 * positions and rule codes other features rely on hold the stated points.
 */
// The seeds sit in shared/ beside the checkout (as in CI's clone); SEEDS_DIR points elsewhere.
const seedsDir = process.env.SEEDS_DIR ?? [path.resolve(__dirname, '../../../shared/seeds'), '/work/shared/seeds'].find((dir) => fs.existsSync(dir)) ?? '../shared/seeds';
const seedLines = new Map<string, string[]>();
function seed(id: string): string[] {
  if (!seedLines.has(id)) {
    const file = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).find((f) => f.startsWith(`${id}_`)) : undefined;
    if (!file) throw new Error(`seed ${id} not found in ${seedsDir} (set SEEDS_DIR to the seeds folder)`);
    seedLines.set(id, ['', ...fs.readFileSync(path.join(seedsDir, file), 'utf8').split('\n')]);
  }
  return seedLines.get(id)!;
}
/** The text at a `seed:line` citation (the first line of a range). */
function cited(source: string | undefined): string {
  const match = /^(\d{3}):(\d+)/.exec(source ?? '');
  if (!match) throw new Error(`"${source}" does not start with seed:line`);
  return seed(match[1])[Number(match[2])] ?? '';
}
const rule = (code: string): Rule => {
  const found = defaultRulebook.rules.find((r) => r.code === code);
  if (!found) throw new Error(`no rule ${code}`);
  return found;
};
const scheme = (position: string): Scheme & { consequences?: unknown } => {
  const found = defaultRulebook.schemes.find((s) => s.position === position);
  if (!found) throw new Error(`no scheme ${position}`);
  return found;
};

describe('the shipped default rulebook', () => {
  it('is one valid version 1 with the original effective date', () => {
    expect(() => validateRulebookVersion(defaultRulebook)).not.toThrow();
    expect(defaultRulebook.version).toBe(1);
    expect(defaultRulebook.effectiveFrom).toBe('2026-01-01T00:00:00+08:00');
  });

  it('cites, for every scheme and rule, a seed line that exists and has text', () => {
    const citations = [...defaultRulebook.schemes, ...defaultRulebook.rules].map((x) => [('code' in x ? x.code : x.position), x.source] as const);
    const blank = citations.filter(([, source]) => cited(source).trim() === '');
    expect(blank).toEqual([]);
  });

  it('covers every factory and office position of seed 001 and the property site inspection', () => {
    const positions = [
      'technical-quality-manager', 'assistant-technologist', 'quality-manager', 'materials-inspector', 'quality-inspector',
      'production-manager', 'production-assistant', 'equipment-safety-officer', 'workshop-director', 'office-director',
      'office-assistant', 'hr-manager', 'sales-manager', 'sales-assistant', 'regional-sales-lead', 'salesman-driver',
      'supply-lead', 'warehouse-keeper', 'export-manager', 'export-assistant', 'export-salesman', 'property-site-team',
    ];
    const missing = positions.filter((p) => !defaultRulebook.schemes.some((s) => s.position === p));
    expect(missing).toEqual([]);
    for (const position of positions) expect(defaultRulebook.rules.some((r) => r.positions.includes(position))).toBe(true);
  });

  it('starts each job-standard scheme at its position heading and cites its scoring section', () => {
    const jobStandards = defaultRulebook.schemes.filter((s) => / job standard, scoring from /.test(s.source ?? ''));
    expect(jobStandards).toHaveLength(21);
    for (const s of jobStandards) {
      expect([s.position, cited(s.source)]).toEqual([s.position, expect.stringContaining('工作标准')]);
      expect([s.position, cited(/scoring from (\d{3}:\d+)/.exec(s.source!)![1])]).toEqual([s.position, expect.stringMatching(/考核(评分)?标准/)]);
    }
  });

  it('refuses a per-unit rule counting something the rulebook does not know', () => {
    const code = 'EM-BAD-DEBT';
    expect(rule(code).shape).toEqual({ kind: 'per-unit', unit: 'ten-thousand-yuan', pointsPerUnit: 1 });
    const broken = { ...defaultRulebook, rules: defaultRulebook.rules.map((r) => (r.code === code ? { ...r, shape: { kind: 'per-unit', unit: 'dollar', pointsPerUnit: 1 } } : r)) };
    expect(() => validateRulebookVersion(broken as typeof defaultRulebook)).toThrow(expect.objectContaining({ code: 'rule_unit_invalid' }));
  });

  it.each([
    ['AT-ARRIVAL', '5分钟内赶到'],
    ['AT-PATROL', '每天至少两次'],
    ['MI-SAMPLING', '10分钟内到达仓库取样'],
    ['MI-MONTHLY', '第5个工作日'],
    ['WD-REPORT', '10分钟之内上报'],
    ['WD-TALK', '24小时之内找其谈话'],
    ['WD-PASS-RATE', '低于公司质量目标0.1%扣1分'],
    ['SD-COMPLAINT', '客户合理投诉扣2分'],
    ['SD-COLLECTION', '每超(降)1个百分点'],
    ['PSI-ARRIVAL', '20分钟内到现场'],
    ['PSI-OVERNIGHT', '事不过夜'],
    ['PSI-VETO', '一票否决'],
    ['PSI-C02', '责任区内无卫生死角'],
    ['TQ-PLAN-LATE', '每迟交1天扣2分'],
    ['TQ-DERELICTION', '失职和工作差错'],
    ['QM-PATROL-SAMPLE', '每少完成1次扣0.5分'],
    ['QI-MISJUDGED', '漏判、误判或检验器具不合格扣5分'],
    ['PM-DELIVERY-LATE', '每推迟1天扣2分'],
    ['PA-ESCALATION', '超过10分钟不报告扣2分'],
    ['EO-ARRIVAL', '5分钟内到达检验工作场所'],
    ['OD-SEALS', '有丢失、损坏扣10-20分'],
    ['OD-EVENT-SATISFACTION', '80%—90%扣1分'],
    ['OA-PUBLICITY-MISSING', '每月出2期黑板报'],
    ['HR-CASE', '随机抽取10项'],
    ['SM-MONTHLY-REPORT', '每月第2个工作日报送销售月报'],
    ['SM-RECEIVABLES', '每低1%扣0.2分'],
    ['SA-OUTLET-PRIMARY', '按经理评分标准的1/2'],
    ['RS-COLLECTION', '奖(罚)0.8分'],
    ['SL-LEAD-TIME', '芯圈不得超过10天'],
    ['WK-STOCKTAKE', '视差额大小扣0-5分'],
    ['EM-BAD-DEBT', '每损失1万元扣1分'],
    ['EA-LOG-UNTRUE', '不如实扣5分'],
    ['ES-CONTRACT-CUSTOMER-LOST', '每一例扣10分'],
  ])('rule %s cites a seed line saying "%s"', (code, fragment) => {
    expect(cited(rule(code).source)).toContain(fragment);
  });

  it.each([
    ['AT-ARRIVAL', 'assistant-technologist', '001:817', 1],
    ['MI-SAMPLING', 'materials-inspector', '001:925', 2],
    ['WD-REPORT', 'workshop-director', '001:1225', 2],
    ['WD-TALK', 'workshop-director', '001:1239', 2],
    ['SD-COMPLAINT', 'salesman-driver', '001:1661', 2],
  ])('%s is a fixed deduction for %s from %s of %d points', (code, position, source, points) => {
    const r = rule(code);
    expect(r).toMatchObject({ effect: 'deduction', positions: [position], source, shape: { kind: 'fixed', points } });
  });

  it('binds the service-level consequences to the fixed rule codes', () => {
    expect(scheme('assistant-technologist').consequences).toEqual({ ticketBreach: { arrival: { rule: 'AT-ARRIVAL' } } });
    expect(scheme('materials-inspector').consequences).toEqual({ ticketBreach: { arrival: { rule: 'MI-SAMPLING' } } });
    expect(scheme('workshop-director').consequences).toEqual({ ticketBreach: { acknowledgement: { rule: 'WD-REPORT' } }, missedTalk: { rule: 'WD-TALK' } });
    expect(scheme('salesman-driver').consequences).toEqual({ upheldComplaint: { normal: { rule: 'SD-COMPLAINT' } } });
  });

  it('gives every consequence a rule of its own scheme, with points exactly when the rule is a range', () => {
    const problems: string[] = [];
    const visit = (position: string, node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      const o = node as { rule?: string; points?: number };
      if (typeof o.rule === 'string') {
        const r = defaultRulebook.rules.find((x) => x.code === o.rule);
        if (!r || !r.positions.includes(position)) problems.push(`${position} ${where}: ${o.rule} is not its rule`);
        else if ((r.shape.kind === 'range') !== (o.points !== undefined)) problems.push(`${position} ${where}: points ${o.points} for a ${r.shape.kind} rule`);
        else if (r.shape.kind === 'range' && !(o.points! >= r.shape.min && o.points! <= r.shape.max)) problems.push(`${position} ${where}: points outside the range`);
        return;
      }
      for (const [key, child] of Object.entries(o)) visit(position, child, `${where}.${key}`);
    };
    for (const s of defaultRulebook.schemes) visit(s.position, (s as { consequences?: unknown }).consequences, 'consequences');
    expect(problems).toEqual([]);
  });

  it('scores the property site checklist out of 100 with the veto on safety', () => {
    const site = scheme('property-site-team');
    expect(site.parts.map((p) => [p.code, p.max])).toEqual([['maintenance', 30], ['greening', 25], ['cleaning', 25], ['management', 10], ['safety', 10]]);
    const items = defaultRulebook.rules.filter((r) => r.positions.includes('property-site-team') && r.shape.kind === 'range');
    for (const part of site.parts) {
      const fullMarks = items.filter((r) => r.part === part.code).reduce((sum, r) => sum + (r.shape.kind === 'range' ? r.shape.max : 0), 0);
      expect([part.code, fullMarks]).toEqual([part.code, part.max]);
    }
    expect(rule('PSI-VETO')).toMatchObject({ part: 'safety', shape: { kind: 'veto' }, source: '001:2027' });
    expect(rule('PSI-ARRIVAL')).toMatchObject({ shape: { kind: 'range', min: 0, max: 3 }, source: '001:1947' });
  });
});
