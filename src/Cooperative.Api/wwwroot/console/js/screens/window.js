// 经办窗口: find a resident, register a household and its changes, enrol and print the receipt, check coverage,
// import a township's register. Paper claims are in window-claims.js.
import { get, post, upload } from '../api.js';
import { h, fill, field, problem, act, table, facts, money, date, today, label, options, print, progress, toast } from '../ui.js';
import claimRoutes from './window-claims.js';

const clerks = ['window', 'admin'];
const go = hash => { location.hash = hash; };

async function search(screen, _params, query) {
  const input = h('input', { name: 'q', id: 'search-q', placeholder: '身份证号、医疗证号或姓名', value: query.get('q') || '', autofocus: true });
  const out = h('div', { id: 'search-results' });
  const form = h('form', { class: 'actions', onsubmit: e => { e.preventDefault(); run(); } }, input, h('button', { class: 'primary' }, '查找'));
  fill(screen, h('h1', {}, '查找参合人员'), form, out);
  input.focus();
  async function run() {
    const q = input.value.trim();
    if (!q) return;
    history.replaceState(null, '', `#/window/search?q=${encodeURIComponent(q)}`);
    await act(null, out, async () => {
      const [persons, households] = await Promise.all([get('/api/persons', { q, pageSize: 20 }), get('/api/households', { q, pageSize: 20 })]);
      fill(out,
        h('h2', {}, `人员（${persons.total}）`),
        table([['姓名', p => p.name], ['身份证号', p => p.idNumber], ['性别', p => label('gender', p.gender)], ['出生日期', p => date(p.birthDate)],
          ['人员类别', p => label('person_category', p.category)], ['状态', p => label('person_status', p.status)],
          ['医疗证号', p => p.household?.cardNumber ?? '']], persons.items, { onOpen: p => go(`#/window/persons/${p.id}`), id: 'persons' }),
        h('h2', {}, `家庭户（${households.total}）`),
        table([['医疗证号', x => x.cardNumber], ['户主', x => x.headName], ['户主身份证号', x => x.headIdNumber], ['地址', x => x.address],
          ['人数', x => x.memberCount, 'num']], households.items, { onOpen: x => go(`#/window/households/${x.id}`), id: 'households' }));
      out.querySelector('tbody tr.clickable')?.focus();
    });
  }
  if (input.value) run();
}

function remaining(caps) {
  if (!caps) return null;
  return facts([['住院剩余额度', money(caps.inpatient)], ['门诊剩余额度', money(caps.outpatient)],
    ['大病保险剩余', caps.catastrophic === null || caps.catastrophic === undefined ? '不适用' : money(caps.catastrophic)],
    ['医疗救助剩余', caps.assistance === null || caps.assistance === undefined ? '不适用' : money(caps.assistance)],
    ...(caps.chronic ?? []).map(c => [`慢性病：${c.name}（${c.diseaseCode}）`, money(c.remaining)])]);
}

function coverageBox(c) {
  return h('div', { class: c.covered ? 'ok' : 'problem', id: 'coverage-result' },
    h('strong', {}, c.covered ? `${c.name ?? ''} ${c.fundYear} 年度已参合，可以报销` : `${c.name ?? ''} 不在保障期内`),
    c.message ? h('div', {}, c.message) : null, c.covered ? remaining(c.remaining) : null);
}

async function person(screen, { id }) {
  const detail = await get(`/api/persons/${id}`);
  const p = detail.person;
  const out = h('div');
  const coverage = h('div', {}, h('p', { class: 'muted' }, '正在查询参合资格…'));
  const when = h('input', { type: 'date', name: 'date', value: today(), required: true });
  const change = (what, path) => h('button', {
    type: 'button', onclick: e => act(e.target, out, async () => {
      if (!confirm(`确认登记 ${p.name} ${what}（${when.value}）？`)) return;
      await post(path, { date: when.value });
      toast(`已登记${what}`);
      await person(screen, { id });
    }),
  }, `登记${what}`);
  fill(screen, h('h1', {}, `${p.name}`),
    facts([['身份证号', p.idNumber], ['性别', label('gender', p.gender)], ['出生日期', date(p.birthDate)],
      ['人员类别', label('person_category', p.category)], ['状态', `${label('person_status', p.status)}${p.statusSince ? `（${date(p.statusSince)}起）` : ''}`],
      ['医疗证号', p.household ? h('a', { href: `#/window/households/${p.household.id}` }, p.household.cardNumber) : '无']]),
    h('div', { class: 'actions' },
      h('a', { href: `#/window/claims/new?id=${encodeURIComponent(p.idNumber)}`, class: 'button', id: 'enter-claim' }, '为此人录入报销'),
      h('a', { href: `#/window/claims?q=${encodeURIComponent(p.idNumber)}` }, '查看报销记录')),
    h('h2', {}, '参合资格'), coverage,
    h('h2', {}, '参合记录'),
    table([['年度', e => e.fundYear], ['医疗证号', e => e.cardNumber], ['参合日期', e => date(e.enrolledOn)], ['缴费方式', e => label('contribution_payer', e.paidBy)],
      ['个人缴费', e => money(e.contribution), 'num'], ['住院已补偿', e => money(e.inpatientPaid), 'num'], ['门诊已补偿', e => money(e.outpatientPaid), 'num']],
    detail.enrollments),
    h('h2', {}, '户籍变动'),
    table([['医疗证号', m => h('a', { href: `#/window/households/${m.householdId}` }, m.cardNumber)], ['与户主关系', m => label('relationship', m.relationship)],
      ['起', m => date(m.from)], ['止', m => date(m.to)]], detail.memberships),
    p.status === 'active' ? [h('h2', {}, '人员变动'), h('div', { class: 'actions' }, field('变动日期', when), change('死亡', `/api/persons/${id}/death`),
      change('迁出', `/api/persons/${id}/departure`))] : null,
    out);
  try {
    fill(coverage, coverageBox(await get('/api/coverage', { idNumber: p.idNumber })));
  } catch (e) {
    fill(coverage, problem(e));
  }
}

let geography = null;
async function townships() {
  geography ??= await get('/api/townships');
  return geography;
}

function memberRow(member = {}) {
  const row = h('tr', { class: 'member', dataset: { rowOf: 'members' } },
    h('td', {}, h('input', { name: 'name', value: member.name ?? '', required: true, placeholder: '姓名' })),
    h('td', {}, h('input', { name: 'idNumber', value: member.idNumber ?? '', required: true, placeholder: '18 位身份证号', maxLength: 18, size: 20 })),
    h('td', {}, h('select', { name: 'relationship' }, options('relationship'))),
    h('td', {}, h('select', { name: 'category' }, options('person_category'))),
    h('td', {}, h('button', { type: 'button', onclick: () => row.remove() }, '删除')));
  return row;
}

const readMember = row => ({
  name: row.querySelector('[name=name]').value.trim(), idNumber: row.querySelector('[name=idNumber]').value.trim(),
  relationship: row.querySelector('[name=relationship]').value, category: row.querySelector('[name=category]').value,
});

async function newHousehold(screen) {
  const list = await townships();
  const township = h('select', { name: 'townshipCode', required: true }, h('option', { value: '' }, '请选择乡镇'),
    list.map(t => h('option', { value: t.code }, t.name)));
  const village = h('select', { name: 'villageCode', required: true }, h('option', { value: '' }, '请先选择乡镇'));
  township.addEventListener('change', () => fill(village, h('option', { value: '' }, '请选择村'),
    (list.find(t => t.code === township.value)?.villages ?? []).map(v => h('option', { value: v.code }, v.name))));
  const members = h('tbody', {}, memberRow());
  const out = h('div');
  const form = h('form', { id: 'household-form' },
    h('div', { class: 'grid' }, field('医疗证号', h('input', { name: 'cardNumber', required: true, maxLength: 16 })), field('乡镇', township),
      field('村', village), field('地址', h('input', { name: 'address', required: true })),
      field('建档日期', h('input', { type: 'date', name: 'since' }), '留空为今天')),
    h('h2', {}, '家庭成员'),
    h('div', { class: 'scroll' }, h('table', { id: 'members' },
      h('thead', {}, h('tr', {}, ['姓名', '身份证号', '与户主关系', '人员类别', ''].map(t => h('th', {}, t)))), members)),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'add-member-row', onclick: () => members.append(memberRow({})) }, '添加成员'),
      h('button', { class: 'primary', id: 'save-household' }, '建档')),
    out);
  form.addEventListener('submit', e => {
    e.preventDefault();
    const value = name => form.querySelector(`[name=${name}]`).value.trim();
    act(e.submitter, out, async () => {
      const created = await post('/api/households', {
        cardNumber: value('cardNumber'), townshipCode: township.value, villageCode: village.value, address: value('address'),
        since: value('since') || null, members: [...members.querySelectorAll('tr.member')].map(readMember),
      });
      toast('建档成功');
      go(`#/window/households/${created.id}`);
    }, form);
  });
  fill(screen, h('h1', {}, '新建家庭户'), form);
}

async function household(screen, { id }) {
  const x = await get(`/api/households/${id}`);
  const year = Number(today().slice(0, 4));
  const out = h('div', { id: 'household-out' });
  const active = x.members.filter(m => m.status === 'active');
  const chosen = new Set(active.map(m => m.personId));
  const enrolForm = h('form', { id: 'enrol-form', class: 'card' },
    h('h2', {}, '参合缴费'),
    h('div', { class: 'grid' }, field('参合年度', h('input', { type: 'number', name: 'fundYear', value: year, min: 2000, max: 2100 }))),
    h('div', { class: 'actions' }, active.map(m => h('label', { class: 'check' },
      h('input', { type: 'checkbox', checked: true, onchange: e => (e.target.checked ? chosen.add(m.personId) : chosen.delete(m.personId)) }), m.name))),
    h('button', { class: 'primary', id: 'enrol' }, '缴费参合并打印收据'));
  enrolForm.addEventListener('submit', e => {
    e.preventDefault();
    act(e.submitter, out, async () => {
      const receipt = await post(`/api/households/${id}/enrollments`,
        { fundYear: Number(enrolForm.querySelector('[name=fundYear]').value), personIds: [...chosen] });
      go(`#/window/receipts/${receipt.number}`);
    }, enrolForm);
  });
  const addForm = h('form', { id: 'add-member-form', class: 'card' },
    h('h2', {}, '增员（新生儿、婚入、迁入）'),
    h('div', { class: 'grid' }, field('姓名', h('input', { name: 'name', required: true })),
      field('身份证号', h('input', { name: 'idNumber', required: true, maxLength: 18 })),
      field('与户主关系', h('select', { name: 'relationship' }, options('relationship', { only: ['spouse', 'child', 'child_in_law', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'] }))),
      field('人员类别', h('select', { name: 'category' }, options('person_category'))),
      field('入户日期', h('input', { type: 'date', name: 'since' }), '留空为今天')),
    h('button', { class: 'primary' }, '增员'));
  addForm.addEventListener('submit', e => {
    e.preventDefault();
    const value = name => addForm.querySelector(`[name=${name}]`).value.trim();
    act(e.submitter, out, async () => {
      await post(`/api/households/${id}/members`, {
        name: value('name'), idNumber: value('idNumber'), relationship: value('relationship'), category: value('category'), since: value('since') || null,
      });
      toast('增员成功');
      await household(screen, { id });
    }, addForm);
  });
  fill(screen, h('h1', {}, `家庭户 ${x.cardNumber}`), facts([['医疗证号', x.cardNumber], ['地址', x.address], ['乡镇', x.townshipCode], ['村', x.villageCode]]),
    h('h2', {}, '家庭成员'),
    table([['姓名', m => m.name], ['身份证号', m => m.idNumber], ['与户主关系', m => label('relationship', m.relationship)],
      ['人员类别', m => label('person_category', m.category)], ['状态', m => label('person_status', m.status)], ['入户日期', m => date(m.from)]],
    x.members, { onOpen: m => go(`#/window/persons/${m.personId}`), id: 'household-members' }),
    x.formerMembers?.length ? [h('h2', {}, '已离户成员'), table([['姓名', m => m.name], ['身份证号', m => m.idNumber], ['离户日期', m => date(m.to)]],
      x.formerMembers)] : null,
    out, active.length ? enrolForm : null, addForm);
}

function receiptDocument(r) {
  return h('div', { class: 'doc', id: 'receipt-doc' },
    h('h1', {}, '新型农村合作医疗参合缴费收据'),
    facts([['收据号', r.number], ['参合年度', r.fundYear], ['医疗证号', r.cardNumber], ['开具日期', date(r.issuedOn)],
      ['参合人数', r.personCount], ['收款人', r.issuedBy]]),
    table([['姓名', l => l.name], ['身份证号', l => l.idNumber], ['缴费方式', l => label('contribution_payer', l.paidBy)], ['金额（元）', l => money(l.amount), 'num']],
      r.lines),
    facts([['个人缴纳', money(r.individualAmount)], ['民政代缴', money(r.civilAffairsAmount)], ['合计（元）', money(r.total)], ['记账凭证', r.journalNumber ?? '']]),
    h('div', { class: 'sign' }, h('span', {}, '收款单位（盖章）：'), h('span', {}, '经办人：')));
}

async function receipt(screen, { number }) {
  const r = await get(`/api/receipts/${number}`);
  fill(screen, h('h1', {}, '缴费收据'), h('div', { class: 'ok' }, `已参合 ${r.personCount} 人，收款 ${money(r.total)} 元`),
    h('div', { class: 'card' }, receiptDocument(r)),
    h('div', { class: 'actions' }, h('button', { class: 'primary', id: 'print-receipt', onclick: () => print(receiptDocument(r)) }, '打印收据'),
      h('a', { href: `#/window/households/${r.householdId}` }, '返回家庭户')));
}

async function coverage(screen, _params, query) {
  const out = h('div');
  const form = h('form', { id: 'coverage-form' },
    h('div', { class: 'grid' }, field('身份证号', h('input', { name: 'idNumber', value: query.get('id') || '', maxLength: 18 })),
      field('或 医疗证号', h('input', { name: 'cardNumber', maxLength: 16 })),
      field('就诊日期', h('input', { type: 'date', name: 'date', value: today() })), h('button', { class: 'primary' }, '查询')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const value = name => form.querySelector(`[name=${name}]`).value.trim();
    act(e.submitter, out, async () => {
      const answer = await get('/api/coverage', { idNumber: value('idNumber'), cardNumber: value('cardNumber'), date: value('date') });
      fill(out, answer.members ? answer.members.map(coverageBox) : coverageBox(answer));
    }, form);
  });
  fill(screen, h('h1', {}, '参合资格查询'), form, out);
  form.querySelector('input').focus();
}

async function importRegister(screen) {
  const file = h('input', { type: 'file', name: 'file', accept: '.xlsx,.csv', required: true });
  const out = h('div', { id: 'import-out' });
  const form = h('form', { id: 'import-form', class: 'card' },
    h('p', {}, '上传乡镇参合花名册（Excel 或 CSV）。同一文件重复导入不会重复建档。'), field('花名册文件', file),
    h('button', { class: 'primary' }, '导入'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const bar = progress('正在上传…');
    act(e.submitter, out, async () => {
      fill(out, bar.element);
      const result = await upload('/api/enrollment/import', file.files[0], f => bar.set(f, f === 1 ? '上传完成，正在导入（大文件需要几分钟）…' : '正在上传…'));
      fill(out, h('div', { class: 'ok' }, `导入完成：${result.rows} 行，新建 ${result.householdsCreated} 户、${result.personsCreated} 人；`
        + `已有 ${result.householdsUnchanged} 户、${result.personsUnchanged} 人未变。`), facts([['文件', result.fileName], ['SHA-256', result.sha256]]));
    }, form);
  });
  fill(screen, h('h1', {}, '参合花名册导入'), form, out);
}

export default [
  { path: 'window/search', menu: '查找人员', title: '查找参合人员', roles: clerks, render: search },
  { path: 'window/claims/new', menu: '录入纸质报销', title: '录入纸质报销', roles: clerks, render: claimRoutes.enter },
  { path: 'window/claims', menu: '窗口报销单', title: '报销单查询', roles: clerks, render: claimRoutes.list },
  { path: 'window/claims/:number', title: '报销单', roles: clerks, render: claimRoutes.claim },
  { path: 'window/coverage', menu: '参合资格查询', title: '参合资格查询', roles: clerks, render: coverage },
  { path: 'window/households/new', menu: '新建家庭户', title: '新建家庭户', roles: clerks, render: newHousehold },
  { path: 'window/households/:id', title: '家庭户', roles: clerks, render: household },
  { path: 'window/persons/:id', title: '参合人员', roles: clerks, render: person },
  { path: 'window/receipts/:number', title: '缴费收据', roles: clerks, render: receipt },
  { path: 'window/import', menu: '花名册导入', title: '参合花名册导入', roles: clerks, render: importRegister },
];
