// The desk: a small page over the service's own API, signed in with the reader's token. It shows
// only what the API answers that token, so the permission matrix decides what each role sees.

/** The page's words in English and Chinese (texts.json). */
const texts = await (await fetch('texts.json')).json();

let language = sessionStorage.getItem('desk.language') || (navigator.language.startsWith('zh') ? 'zh' : 'en');
const t = (key) => texts[language][key] ?? key;
const view = document.getElementById('view');
const token = () => sessionStorage.getItem('desk.token');

/** An element with text (never HTML: the API's strings are data). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

function table(caption, headers, rows, numeric = []) {
  return el('table', {}, el('caption', {}, caption), el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, t(h))))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell, i) => el('td', numeric.includes(i) ? { class: 'number' } : {}, cell))))));
}

async function api(path, accept = 'application/json') {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token()}`, Accept: accept } });
  if (response.status === 401) { signOut(); throw new Error(t('signIn')); }
  if (response.status === 403) throw new Error(t('refused'));
  if (!response.ok) throw new Error(`${t('failed')} ${response.status}`);
  return accept === 'application/json' ? response.json() : response.blob();
}

async function download(path, filename, type) {
  const blob = await api(path, type);
  const link = el('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(link);
  link.click();
  link.remove();
}

async function dashboard() {
  const { periods } = await api('/periods');
  const closed = periods.filter((p) => p.state === 'closed');
  const chosen = new URLSearchParams(location.hash.split('?')[1]).get('period') || closed.at(-1)?.period;
  if (!chosen) return [el('p', {}, t('noPeriod'))];
  const select = el('select', { id: 'period', 'aria-label': t('period') }, ...closed.map((p) => el('option', p.period === chosen ? { value: p.period, selected: '' } : { value: p.period }, p.period)));
  select.addEventListener('change', () => (location.hash = `#dashboard?period=${select.value}`));
  const summaries = await api(`/period-scores/departments?period=${chosen}`);
  const bottom = await api(`/period-scores?period=${chosen}&sort=bottom&limit=5`);
  const canvas = el('canvas', { role: 'img', 'aria-label': `${t('average')} · ${t('department')}` });
  const recent = closed.slice(-6);
  const history = await Promise.all(recent.map((p) => api(`/period-scores/departments?period=${p.period}`)));
  const departments = [...new Set(history.flatMap((h) => h.departments.map((d) => d.department)))];
  const trend = el('canvas', { role: 'img', 'aria-label': t('trend') });
  const csv = el('button', { type: 'button', id: 'download-csv' }, t('downloadCsv'));
  csv.addEventListener('click', () => download(`/period-scores?period=${chosen}&format=csv&limit=1000`, `period-scores-${chosen}.csv`, 'text/csv'));
  const xlsx = el('button', { type: 'button', id: 'download-xlsx' }, t('downloadXlsx'));
  xlsx.addEventListener('click', () => download(`/period-scores?period=${chosen}&format=xlsx&limit=1000`, `period-scores-${chosen}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  const bulletin = el('button', { type: 'button', id: 'download-bulletin' }, t('bulletin'));
  bulletin.addEventListener('click', () => download(`/period-scores/bulletin?period=${chosen}`, `bulletin-${chosen}.pdf`, 'application/pdf'));
  const parts = [
    el('label', { for: 'period' }, t('period'), ' '), select,
    table(`${t('department')} · ${chosen}`, ['department', 'staff', 'average', 'threshold', 'grades'],
      summaries.departments.map((d) => [d.department, d.staff, d.average, summaries.threshold, Object.entries(d.grades).map(([g, n]) => `${g} ${n}`).join(', ')]), [1, 2, 3]),
    el('div', { class: 'chart' }, canvas),
    table(t('trend'), ['period', ...departments], history.map((h, i) => [recent[i].period, ...departments.map((d) => h.departments.find((x) => x.department === d)?.average ?? '')]), departments.map((_, i) => i + 1)),
    el('div', { class: 'chart' }, trend),
    table(t('bottom'), ['rank', 'name', 'department', 'score', 'grade'], bottom.scores.map((s) => [s.companyRank, s.employeeId, s.department, s.normalised, s.grade]), [0, 3]),
    csv,
    ' ',
    xlsx,
    ' ',
    bulletin,
  ];
  queueMicrotask(() => {
    if (!window.Chart) return;
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: summaries.departments.map((d) => d.department), datasets: [{ label: t('average'), data: summaries.departments.map((d) => d.average), backgroundColor: '#0b4f9c' }] },
      options: { scales: { y: { min: Math.max(0, summaries.threshold - 20), max: 100 } } },
    });
    new window.Chart(trend, {
      type: 'line',
      data: { labels: recent.map((p) => p.period), datasets: departments.map((d) => ({ label: d, data: history.map((h) => h.departments.find((x) => x.department === d)?.average ?? null) })) },
      options: { scales: { y: { min: Math.max(0, summaries.threshold - 20), max: 100 } } },
    });
  });
  return parts;
}

async function overdue() {
  const board = await api('/overdue?limit=200');
  const soon = await api('/overdue?dueWithinMinutes=240&limit=200');
  const groups = new Map();
  for (const c of board.items) {
    const key = `${c.department ?? ''}\u0000${c.assigneeId ?? ''}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [
    table(t('byDepartment'), ['department', 'assignee', 'count'], [...groups].map(([key, n]) => [...key.split('\u0000'), n]), [2]),
    table(`${t('dueSoon')} · ${soon.total}`, ['clock', 'subject', 'department', 'assignee', 'due'], soon.items.map((c) => [c.clock, c.subjectId, c.department ?? '', c.assigneeId ?? '', c.dueAt])),
    table(t('overdue'), ['bucket', 'count'], (board.aging ?? []).map((b) => [b.bucket, b.count]), [1]),
    table(`${t('overdue')} · ${board.total}`, ['clock', 'subject', 'department', 'assignee', 'due', 'late'],
      board.items.map((c) => [c.clock, c.subjectId, c.department ?? '', c.assigneeId ?? '', c.dueAt, c.overdueMinutes]), [5]),
  ];
}

async function employee() {
  const id = decodeURIComponent(location.hash.split('/')[1] ?? '');
  const form = el('form', { id: 'employee-form' }, el('label', { for: 'employee-id' }, t('employeeId'), ' '), el('input', { id: 'employee-id', value: id, required: '' }),
    el('label', { for: 'as-of' }, ' ', t('asOf'), ' '), el('input', { id: 'as-of', type: 'date' }), el('button', { type: 'submit' }, t('show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const asOf = form.querySelector('#as-of').value;
    location.hash = `#employee/${encodeURIComponent(form.querySelector('#employee-id').value)}${asOf ? `?asOf=${asOf}` : ''}`;
  });
  if (!id) return [form];
  const employeeId = id.split('?')[0];
  const asOf = new URLSearchParams(location.hash.split('?')[1]).get('asOf');
  const { periods } = await api(`/employees/${encodeURIComponent(employeeId)}/period-scores`);
  const rulebook = await api('/rulebook/in-force').catch(() => ({ rules: [] }));
  const ruleOf = new Map(rulebook.rules.map((r) => [r.code, r]));
  const record = await api(`/employees/${encodeURIComponent(employeeId)}/record${asOf ? `?asOf=${new Date(`${asOf}T23:59:59+08:00`).toISOString()}` : ''}`).catch(() => null);
  // who applied each deduction and what its hearing decided, where the role may replay the record
  const appliedBy = new Map();
  const heard = new Map();
  for (const e of record?.events ?? []) {
    if (e.type === 'DeductionApplied') appliedBy.set(e.data.deductionId, e.data.appliedBy ?? e.actor);
    if (e.type === 'HearingRecorded') heard.set(e.data.deductionId, `${e.data.outcome} ${e.occurredAt.slice(0, 10)}`);
  }
  const deductionOf = (itemId) => (itemId.startsWith('deduction:') ? itemId.slice('deduction:'.length) : undefined);
  const parts = [form, table(`${employeeId}`, ['period', 'score', 'grade', 'status'], periods.map((p) => [p.period, p.normalised, p.grade, p.sealed ? 'sealed' : 'open']), [1])];
  for (const p of periods) {
    parts.push(table(`${p.period} · ${t('item')}`, ['item', 'rule', 'ruleTitle', 'source', 'points', 'outcome', 'occurred', 'appliedBy', 'heard'],
      p.items.map((i) => [i.id, i.ruleCode ?? '', ruleOf.get(i.ruleCode)?.title ?? '', ruleOf.get(i.ruleCode)?.source ?? '', i.points, i.status, i.occurredAt, appliedBy.get(deductionOf(i.id)) ?? '', heard.get(deductionOf(i.id)) ?? '']), [4]));
  }
  if (record) parts.push(table(t('events'), ['type', 'occurred', 'actor'], record.events.map((e) => [e.type, e.occurredAt, e.actor])));
  return parts;
}

const views = { dashboard, overdue, employee };

async function render() {
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('language').textContent = language === 'zh' ? 'English' : '中文';
  const signedIn = Boolean(token());
  document.getElementById('sign-in').hidden = signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  view.replaceChildren();
  if (!signedIn) return;
  const name = location.hash.slice(1).split(/[/?]/)[0] || 'dashboard';
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === `#${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    view.replaceChildren(...(await (views[name] ?? dashboard)()));
  } catch (error) {
    view.replaceChildren(el('p', { role: 'alert' }, error.message));
  }
}

function signOut() {
  sessionStorage.removeItem('desk.token');
  render();
}

document.getElementById('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('desk.token', document.getElementById('token').value.trim());
  render();
});
document.getElementById('sign-out').addEventListener('click', signOut);
document.getElementById('language').addEventListener('click', () => {
  language = language === 'zh' ? 'en' : 'zh';
  sessionStorage.setItem('desk.language', language);
  render();
});
window.addEventListener('hashchange', render);
render();
