import { periodBounds, periodOf } from '../periods/domain/calendar/period';

/** Who sends a request of the plan: the demo's operator, the hearing panel's member, or an employee contesting. */
export type Sender = { as: 'operator' } | { as: 'panel' } | { as: 'employee'; employeeId: string };

export interface PlannedRequest {
  method: 'POST' | 'PUT';
  path: string;
  body: object;
  sender: Sender;
}

export interface DemoEmployee {
  employeeId: string;
  name: string;
  department: string;
  position: string;
  supervisorId?: string;
}

/** The company: four departments, each with its head, all assessed monthly under the default rulebook. */
export const demoEmployees: DemoEmployee[] = [
  { employeeId: 'OD-1', name: '周敏', department: 'office', position: 'office-director' },
  { employeeId: 'HR-1', name: '郑洁', department: 'office', position: 'hr-manager', supervisorId: 'OD-1' },
  ...['吴静', '冯丽', '陈晨'].map((name, i) => ({ employeeId: `OA-${i + 1}`, name, department: 'office', position: 'office-assistant', supervisorId: 'OD-1' })),
  { employeeId: 'PM-1', name: '王强', department: 'property', position: 'office-director' },
  ...['李明', '张伟', '刘洋', '赵磊', '孙丽', '杨帆'].map((name, i) => ({ employeeId: `PS-${i + 1}`, name, department: 'property', position: 'property-steward', supervisorId: 'PM-1' })),
  { employeeId: 'WD-1', name: '黄涛', department: 'workshop', position: 'workshop-director' },
  ...['徐亮', '朱军', '胡斌', '郭峰', '何平'].map((name, i) => ({ employeeId: `AT-${i + 1}`, name, department: 'workshop', position: 'assistant-technologist', supervisorId: 'WD-1' })),
  ...['高飞', '林海'].map((name, i) => ({ employeeId: `EO-${i + 1}`, name, department: 'workshop', position: 'equipment-safety-officer', supervisorId: 'WD-1' })),
  { employeeId: 'SM-1', name: '罗刚', department: 'sales', position: 'sales-manager' },
  ...['梁雪', '宋雨', '谢芳', '韩梅'].map((name, i) => ({ employeeId: `SA-${i + 1}`, name, department: 'sales', position: 'sales-assistant', supervisorId: 'SM-1' })),
  ...['唐勇', '冯超', '董鹏'].map((name, i) => ({ employeeId: `SD-${i + 1}`, name, department: 'sales', position: 'salesman-driver', supervisorId: 'SM-1' })),
];

/** The rules each demo position's deductions are drawn from (fixed points, in the default rulebook). */
const rulesOf: Record<string, string[]> = {
  'office-director': ['OD-TASK', 'OD-COOPERATION-COMPLAINT'],
  'hr-manager': ['HR-TASK-BEHIND', 'HR-CASE'],
  'office-assistant': ['OA-SUPPLIES-STANDARD', 'OA-HYGIENE-UNDONE', 'OA-HYGIENE-POOR'],
  'property-steward': ['PS-01', 'PS-02', 'PS-04', 'PS-05'],
  'workshop-director': ['WD-MATERIAL-LATE', 'WD-RETURN'],
  'assistant-technologist': ['AT-TICKET-LATE', 'AT-TICKET-ERROR', 'AT-PATROL'],
  'equipment-safety-officer': ['EO-RULES-MISSING', 'EO-CALIBRATION'],
  'sales-manager': ['SM-PLAN-GAP'],
  'sales-assistant': ['SA-OUTLET-PRIMARY'],
  'salesman-driver': ['SD-OUTLET-SECONDARY', 'SD-LOG-MISSING'],
};

/** The hearing panel (000:76): five members, two of them employee representatives, none of them a contester. */
export const demoPanel = { panel: ['OD-1', 'HR-1', 'OA-1', 'OA-2', 'OA-3'], employeeRepresentatives: ['OA-2', 'OA-3'] };
export const PANEL_MEMBER = 'OA-1';
const CONTESTERS = new Set(['office']);
const STRUGGLING = new Set(['PS-3', 'AT-2', 'SA-4', 'SD-1']);

/** A small deterministic generator (mulberry32), so the same day gives the same company. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (start: string, ms: number) => new Date(Date.parse(start) + ms).toISOString();

/**
 * The months to fill: the twelve before the current one, from the first the rulebook is in force;
 * all of them have ended, so all can be closed.
 */
export function demoMonths(now: string, rulebookFrom: string, timeZone: string): string[] {
  const current = periodOf(now, 'month', timeZone);
  const months: string[] = [];
  let month = periodOf(at(periodBounds(current, timeZone).start, -DAY), 'month', timeZone);
  for (let i = 0; i < 12 && periodBounds(month, timeZone).start >= periodBounds(periodOf(rulebookFrom, 'month', timeZone), timeZone).start; i++) {
    months.unshift(month);
    month = periodOf(at(periodBounds(month, timeZone).start, -DAY), 'month', timeZone);
  }
  return months;
}

/**
 * A year of a company's facts as the requests a client sends, in the order they happened: each
 * month opened, deductions (some contested and heard), complaints (received, assigned, resolved,
 * called back, some upheld against the steward), repair tickets (some reached late), then closed.
 * What the service derives (breaches, consequences, talks) it derives itself.
 */
export function demoPlan(months: readonly string[], timeZone: string, seed = 2026): PlannedRequest[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const operator: Sender = { as: 'operator' };
  const plan: PlannedRequest[] = demoEmployees.map(({ employeeId, name, department, position, supervisorId }) => ({
    method: 'POST',
    path: '/employees',
    body: { employeeId, name, department, position, ...(supervisorId ? { supervisorId } : {}) },
    sender: operator,
  }));
  const post = (path: string, body: object, sender: Sender = operator) => plan.push({ method: 'POST', path, body, sender });
  const stewards = demoEmployees.filter((e) => e.position === 'property-steward');
  const technicians = demoEmployees.filter((e) => e.position === 'assistant-technologist');
  for (const month of months) {
    const { start, end } = periodBounds(month, timeZone);
    const day = () => Math.floor(next() * 20) * DAY;
    const key = month.replace('-', '');
    post('/periods', { period: month, openedAt: at(start, HOUR) });
    let n = 0;
    for (const employee of demoEmployees) {
      // most staff lose a point or two now and then; a few struggle (the bottom of the ranking, 末位)
      const count = Math.floor(next() ** 2 * (STRUGGLING.has(employee.employeeId) ? 9 : 3.2));
      for (let k = 0; k < count; k++) {
      n += 1;
      const deductionId = `D-${key}-${n}`;
      const occurredAt = at(start, day() + 10 * HOUR);
      post('/deductions', { deductionId, employeeId: employee.employeeId, ruleCode: pick(rulesOf[employee.position]!), occurredAt, reason: 'found at the monthly inspection' });
      if (CONTESTERS.has(employee.department) || next() > 0.3) continue;
      post(`/deductions/${deductionId}/contest`, { reason: 'the inspection was on my day off', contestedAt: at(occurredAt, DAY) }, { as: 'employee', employeeId: employee.employeeId });
      const outcome = pick(['upheld', 'reduced', 'overturned'] as const);
      post(`/deductions/${deductionId}/hearing`, { ...demoPanel, outcome, ...(outcome === 'reduced' ? { newPoints: 0.5 } : {}), reasoning: 'heard the employee and the inspector', heardAt: at(occurredAt, 3 * DAY) }, { as: 'panel' });
      }
    }
    for (let c = 1; c <= 2; c++) {
      const steward = pick(stewards);
      const complaintId = `C-${key}-${c}`;
      const receivedAt = at(start, day() + 9 * HOUR);
      post('/complaints', {
        complaintId,
        channel: pick(['hotline', 'phone', 'online'] as const),
        complainant: { name: pick(['张先生', '李女士', '王阿姨']), phone: '+86 138 0000 0000' },
        subject: pick(['service attitude', 'cleaning', 'noise at night']),
        description: 'The resident called about the building service.',
        severity: 'normal',
        receivedAt,
        concernsEmployeeIds: [steward.employeeId],
      });
      post(`/complaints/${complaintId}/assignment`, { assigneeId: steward.employeeId, assignedAt: at(receivedAt, 10 * 60_000) });
      post(`/complaints/${complaintId}/resolution`, { resolvedAt: at(receivedAt, 2 * HOUR), resolution: 'apologised and fixed it' });
      post(`/complaints/${complaintId}/callback`, { calledBackAt: at(receivedAt, 5 * HOUR), satisfied: true, notes: 'resident satisfied' });
      if (next() < 0.5) post(`/complaints/${complaintId}/verdict`, { outcome: 'upheld', employeeIds: [steward.employeeId], reasoning: 'the recording confirms it', decidedAt: at(receivedAt, 6 * HOUR) });
    }
    for (let t = 1; t <= 3; t++) {
      const technician = pick(technicians);
      const ticketId = `T-${key}-${t}`;
      const dispatchedAt = at(start, day() + 9 * HOUR);
      const late = next() < 0.3;
      post('/tickets', { ticketId, kind: 'repair', assigneeId: technician.employeeId, description: pick(['leaking valve', 'broken lift button', 'no hot water']), dispatchedAt });
      post(`/tickets/${ticketId}/acknowledgement`, { acknowledgedAt: at(dispatchedAt, 5 * 60_000) });
      post(`/tickets/${ticketId}/arrival`, { arrivedAt: at(dispatchedAt, (late ? 45 : 15) * 60_000) });
      post(`/tickets/${ticketId}/resolution`, { resolvedAt: at(dispatchedAt, 3 * HOUR), resolution: 'repaired' });
      post(`/tickets/${ticketId}/closure`, { closedAt: at(dispatchedAt, 4 * HOUR), signedOffBy: 'resident' });
    }
    post(`/periods/${month}/close`, { closedAt: at(end, DAY + HOUR) });
  }
  return plan;
}

/** The current month, open, with repairs still waiting for a technician and a complaint not yet handled: the overdue board's content. */
export function demoOpenWork(now: string, timeZone: string): PlannedRequest[] {
  const operator: Sender = { as: 'operator' };
  const current = periodOf(now, 'month', timeZone);
  const { start } = periodBounds(current, timeZone);
  const since = (ms: number) => new Date(Math.max(Date.parse(start) + HOUR, Date.parse(now) - ms)).toISOString();
  const tickets = [
    { ticketId: 'T-OPEN-1', assigneeId: 'AT-1', dispatchedAt: since(30 * 60_000) },
    { ticketId: 'T-OPEN-2', assigneeId: 'AT-2', dispatchedAt: since(5 * HOUR) },
    { ticketId: 'T-OPEN-3', assigneeId: 'AT-3', dispatchedAt: since(2 * DAY) },
  ];
  return [
    { method: 'POST', path: '/periods', body: { period: current, openedAt: at(start, HOUR) }, sender: operator },
    ...tickets.map(({ ticketId, assigneeId, dispatchedAt }): PlannedRequest => ({ method: 'POST', path: '/tickets', body: { ticketId, kind: 'repair', assigneeId, description: 'water leak in the basement', dispatchedAt }, sender: operator })),
    {
      method: 'POST',
      path: '/complaints',
      body: { complaintId: 'C-OPEN-1', channel: 'hotline', complainant: { name: '赵女士' }, subject: 'lift out of order', description: 'The lift has been stuck since the morning.', severity: 'normal', receivedAt: since(3 * DAY), concernsEmployeeIds: ['PS-1'] },
      sender: operator,
    },
    { method: 'POST', path: '/complaints/C-OPEN-1/assignment', body: { assigneeId: 'PS-1', assignedAt: since(3 * DAY - 30 * 60_000) }, sender: operator },
  ];
}
