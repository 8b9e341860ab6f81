// 定点医疗机构: the register (filtered, paged), registering an applicant, and a facility's page: its record, status and
// its history, admission, responsibility letters and their duties, inspections with findings and corrections, the
// compliance record, and the facility system's client (接口账号).
import { get, post, put } from '../api.js';
import { h, fill, table, pagedList, facts, field, problem, act, toast, money, date, label, options, today, dateTime } from '../ui.js';
import { card, input, select, textarea, apiForm, confirmIn, tag, yesNo, downloadButton, keepQuery, formValues } from './admin-common.js';

let townships = null;
async function townshipList() {
  townships ??= await get('/api/townships');
  return townships;
}

const statusTag = f => tag(f.statusName || label('facility_status', f.status), f.status === 'warned' || f.status === 'suspended' || f.status === 'revoked');

async function facilityList(screen, params, query) {
  const all = await townshipList();
  const filters = h('form', { class: 'grid', id: 'facility-filters' },
    field('级别', select('level', options('facility_level', { blank: '全部级别' }))),
    field('乡镇', select('township', [h('option', { value: '' }, '全部乡镇'), all.map(t => h('option', { value: t.code }, t.name))])),
    field('定点状态', select('status', options('facility_status', { blank: '全部状态' }))),
    field('所有制', select('ownership', options('facility_ownership', { blank: '全部' }))));
  for (const name of ['level', 'township', 'status', 'ownership']) filters.elements[name].value = query.get(name) || '';
  const current = () => formValues(filters);
  const list = pagedList([
    ['编码', f => f.code], ['名称', f => f.name], ['级别', f => f.levelName], ['所有制', f => f.ownershipName],
    ['乡镇', f => f.townshipName], ['定点状态', statusTag], ['执业许可证登记号', f => f.licenceNumber],
  ], page => get('/api/facilities', { ...current(), page, pageSize: 20 }),
  { id: 'facility-list', onOpen: f => { location.hash = `#/admin/facilities/${encodeURIComponent(f.code)}`; }, empty: '没有符合条件的医疗机构' });
  filters.addEventListener('change', () => { keepQuery('admin/facilities', current()); list.reload(); });
  filters.addEventListener('submit', e => e.preventDefault());
  fill(screen, h('h1', {}, '定点医疗机构'),
    h('div', { class: 'actions' },
      h('a', { href: '#/admin/facilities/new', class: 'button primary', id: 'new-facility' }, '登记申请定点机构'),
      downloadButton('导出名册（Excel）', '/api/facilities/export.xlsx', current, '定点医疗机构名册.xlsx')),
    card(null, filters), list.element);
}

async function registerFacility(screen) {
  const all = await townshipList();
  const village = select('villageCode', [h('option', { value: '' }, '（村卫生室须选择所在村）')]);
  const township = select('townshipCode', [h('option', { value: '' }, '请选择乡镇'), all.map(t => h('option', { value: t.code }, t.name))]);
  township.addEventListener('change', () => {
    const chosen = all.find(t => t.code === township.value);
    fill(village, h('option', { value: '' }, '（村卫生室须选择所在村）'), (chosen?.villages || []).map(v => h('option', { value: v.code }, v.name)));
  });
  const form = apiForm({
    id: 'facility-form', submit: '登记', buttonId: 'register-facility',
    fields: [
      field('机构编码', input('code', { placeholder: '如 P0005', maxLength: 5 }), '1位大写字母加4位数字'),
      field('机构名称', input('name')),
      field('级别', select('level', options('facility_level', { blank: '请选择', only: ['village', 'township', 'community', 'county'] }))),
      field('所有制', select('ownership', options('facility_ownership', { blank: '请选择' }))),
      field('所在乡镇', township), field('所在村', village),
      field('执业许可证登记号', input('licenceNumber', { maxLength: 22 }), '22位'),
      field('负责人', input('headName')), field('联系电话', input('phone')),
      field('开户银行', input('bankName')), field('银行账号', input('bankAccount')),
    ],
    action: async body => {
      const created = await post('/api/facilities', body);
      toast(`已登记 ${created.name}（${created.code}），状态：${created.statusName}`);
      location.hash = `#/admin/facilities/${encodeURIComponent(created.code)}`;
    },
  });
  fill(screen, h('h1', {}, '登记申请定点机构'),
    h('p', { class: 'muted' }, '登记后机构处于“申请中”，经定点准入审核通过后才成为定点医疗机构；之后签订责任书、签发接口账号。'),
    card(null, form), h('a', { href: '#/admin/facilities' }, '返回名册'));
}

// What an administrator may move a facility to, by its status (the API refuses anything else).
const moves = {
  designated: [['suspended', '暂停定点'], ['revoked', '取消定点']],
  warned: [['designated', '恢复定点（仍有未整改警告的保持警告）'], ['suspended', '暂停定点'], ['revoked', '取消定点']],
  suspended: [['designated', '恢复定点（仍有未整改警告的恢复为警告）'], ['revoked', '取消定点']],
  revoked: [['applying', '重新申请定点']],
  applying: [],
};

async function facilityPage(screen, { code }) {
  const path = `/api/facilities/${encodeURIComponent(code)}`;
  const [facility, history, admissions, contracts, inspections, duties, conditions] = await Promise.all([
    get(path), get(`${path}/status-history`), get(`${path}/admissions`), get(`${path}/contracts`), get(`${path}/inspections`),
    get('/api/facilities/duties'), get('/api/public/facilities/admission-conditions'),
  ]);
  const again = async note => {
    await facilityPage(screen, { code });
    if (note) toast(note);
  };
  const sections = [
    recordCard(facility, again),
    statusCard(facility, history, again),
    facility.status === 'applying' || admissions.length ? admissionCard(facility, admissions, conditions, again) : null,
    contractsCard(facility, contracts, duties, again),
    inspectionsCard(facility, contracts, inspections, again),
    await complianceCard(facility),
    clientCard(facility)].filter(Boolean);
  // The page is long: buttons that scroll to each card (links would change the address the router reads).
  const toc = h('nav', { class: 'toc no-print', 'aria-label': '本页内容' }, h('a', { href: '#/admin/facilities' }, '返回名册'),
    sections.map(section => h('button', { type: 'button', onclick: () => section.scrollIntoView({ behavior: 'smooth' }) },
      section.querySelector('h2')?.textContent)));
  fill(screen, h('h1', {}, `${facility.name}（${facility.code}）`, ' ', statusTag(facility)), toc, sections);
}

function recordCard(f, again) {
  const place = h('div');
  const edit = h('button', { type: 'button', id: 'edit-facility' }, '更正信息');
  edit.addEventListener('click', () => {
    const form = apiForm({
      submit: '保存更正', buttonId: 'save-facility',
      fields: [
        field('机构名称', input('name', { value: f.name })),
        field('所有制', select('ownership', options('facility_ownership'))),
        field('执业许可证登记号', input('licenceNumber', { value: f.licenceNumber })),
        field('负责人', input('headName', { value: f.headName })), field('联系电话', input('phone', { value: f.phone })),
        field('开户银行', input('bankName', { value: f.bankName })), field('银行账号', input('bankAccount', { value: f.bankAccount })),
      ],
      action: async body => {
        await put(`/api/facilities/${encodeURIComponent(f.code)}`, body);
        await again('机构信息已更正');
      },
    });
    form.elements.ownership.value = f.ownership;
    fill(place, form);
  });
  return card('机构信息', facts([
    ['机构编码', f.code], ['机构名称', f.name], ['级别', f.levelName], ['所有制', f.ownershipName],
    ['所在乡镇', f.townshipName], ['所在村', f.villageName || '—'], ['执业许可证登记号', f.licenceNumber], ['负责人', f.headName],
    ['联系电话', f.phone], ['开户银行', f.bankName], ['银行账号', f.bankAccount], ['登记时间', dateTime(f.createdUtc)],
    ['定点状态', f.statusName],
  ]), h('div', { class: 'actions' }, edit), place);
}

function statusCard(f, history, again) {
  const allowed = moves[f.status] || [];
  const body = [table([
    ['时间', s => dateTime(s.atUtc)], ['原状态', s => (s.from ? label('facility_status', s.from) : '—')], ['新状态', s => s.toName],
    ['原因', s => s.reason], ['操作人', s => s.by],
  ], history, { id: 'status-history', empty: '没有状态变更记录' })];
  if (allowed.length) {
    body.push(h('h3', {}, '变更定点状态'), apiForm({
      id: 'status-form', submit: '变更状态', buttonId: 'change-status',
      fields: [
        field('变更为', select('status', allowed.map(([value, text]) => h('option', { value }, text)))),
        field('变更原因', input('reason', { maxLength: 200 })),
      ],
      action: async (request, form, out) => {
        const text = form.elements.status.selectedOptions[0].textContent;
        confirmIn(out, `确认将 ${f.name} ${text}？暂停或取消定点后，该机构的直接结算和接口令牌立即停止。`, '确认变更', async () => {
          const change = await post(`/api/facilities/${encodeURIComponent(f.code)}/status`, request);
          await again(`定点状态已变更为：${change.toName}`);
        });
      },
    }), h('p', { class: 'muted' }, '书面警告和罚款须通过“监督检查”记录（在下方录入检查发现的问题）。'));
  } else if (f.status === 'applying') {
    body.push(h('p', { class: 'muted' }, '申请中的机构须经下方“定点准入审核”通过后才能定点。'));
  }
  return card('定点状态及变更记录', body);
}

function admissionCard(f, admissions, conditions, again) {
  const decisions = admissions.map(a => h('div', { class: 'decision' },
    h('h3', {}, `${date(a.decidedOn)} ${a.admitted ? '准入' : '不予准入'}（${a.decidedBy}）`),
    table([['条件', c => c.description], ['是否符合', c => (c.met ? '符合' : tag('不符合', true))], ['说明', c => c.detail || '']], a.conditions),
    a.note ? h('p', {}, `备注：${a.note}`) : null));
  const form = f.status !== 'applying' ? null : apiForm({
    id: 'admission-form', submit: '作出准入决定', buttonId: 'decide-admission',
    fields: [
      field('决定日期', input('decidedOn', { type: 'date', value: today() })),
      field('执业医师人数', input('licensedDoctors', { type: 'number', min: 0, step: 1 })),
      field('执业许可证有效期至', input('licenceValidUntil', { type: 'date' })),
      field('开业日期', input('openedOn', { type: 'date' })),
      h('label', { class: 'check' }, input('hasInformationSystem', { type: 'checkbox' }), '具备信息系统，能与新农合系统联网结算'),
      h('label', { class: 'check' }, input('publishesPrices', { type: 'checkbox' }), '公示药品和诊疗项目价格'),
      h('label', { class: 'check' }, input('noSeriousViolations', { type: 'checkbox' }), '近期无严重违法违规记录'),
      field('备注', input('note')),
    ],
    action: async body => {
      const decision = await post(`/api/facilities/${encodeURIComponent(f.code)}/admission`, body);
      await again(decision.admitted ? '已准入，机构成为定点医疗机构；请签订责任书并签发接口账号' : '不予准入：有条件不符合，详见审核记录');
    },
  });
  return card('定点准入审核', decisions.length ? decisions : h('p', { class: 'muted' }, '尚无准入决定。'),
    form ? [h('h3', {}, '公布的准入条件'), h('ol', {}, conditions.map(c => h('li', {}, c.description))),
      h('h3', {}, '按申请材料填写，系统逐条核对'), form] : null);
}

function contractsCard(f, contracts, duties, again) {
  const detail = h('div', { id: 'contract-detail' });
  const show = c => fill(detail, h('h3', {}, `${c.number} 所列职责`),
    h('ol', { class: 'duties' }, c.duties.map(d => h('li', { value: d.number }, h('strong', {}, d.title), '：', d.description))));
  const list = table([
    ['编号', c => c.number], ['期限', c => `${date(c.termStart)} 至 ${date(c.termEnd)}`], ['签订日期', c => date(c.signedOn)],
    ['甲方（经办机构）', c => c.bureauSignatory], ['乙方签字人', c => c.facilitySignatory], ['职责', c => `${c.duties.length} 项`],
    ['终止', c => (c.terminatedOn ? `${date(c.terminatedOn)} ${c.terminationReason || ''}` : '—')],
  ], contracts, { id: 'contracts', onOpen: show, empty: '尚未签订责任书' });
  const year = new Date().getFullYear();
  const sign = f.status === 'applying' || f.status === 'revoked' ? h('p', { class: 'muted' }, '机构定点后才能签订责任书。') : apiForm({
    id: 'contract-form', submit: '签订责任书', buttonId: 'sign-contract',
    fields: [
      field('期限起', input('termStart', { type: 'date', value: `${year + (contracts.length ? 1 : 0)}-01-01` })),
      field('期限止', input('termEnd', { type: 'date', value: `${year + (contracts.length ? 1 : 0)}-12-31` })),
      field('签订日期', input('signedOn', { type: 'date', value: today() })),
      field('甲方签章（经办机构）', input('bureauSignatory')),
      field('乙方签字人', input('facilitySignatory', { value: f.headName })),
    ],
    extra: h('details', {}, h('summary', {}, `新签责任书将列明现行 ${duties.length} 项职责`),
      h('ol', { class: 'duties' }, duties.map(d => h('li', { value: d.number }, h('strong', {}, d.title), '：', d.description)))),
    action: async body => {
      const signed = await post(`/api/facilities/${encodeURIComponent(f.code)}/contracts`, body);
      await again(`已签订责任书 ${signed.number}`);
    },
  });
  return card('医疗服务责任书', list, detail, h('h3', {}, '签订新的责任书'), sign);
}

function inspectionsCard(f, contracts, inspections, again) {
  const items = inspections.map(i => h('div', { class: 'inspection' },
    h('h3', {}, `${date(i.inspectedOn)} 检查（责任书 ${i.contractNumber}，检查人：${i.inspectors}）`),
    i.summary ? h('p', {}, i.summary) : null,
    table([
      ['职责', x => `${x.dutyNumber}. ${x.dutyTitle}`], ['发现的问题', x => x.description],
      ['警告', x => (x.warning ? tag('警告', true) : '—')], ['罚款（元）', x => (x.penalty ? money(x.penalty) : '—'), 'num'],
      ['暂停定点', x => yesNo(x.suspends)], ['罚款凭证', x => x.penaltyEntryNumber || '—'],
      ['整改', x => correction(f, x, again)],
    ], i.findings, { empty: '未发现问题' })));
  return card('监督检查', items.length ? items : h('p', { class: 'muted' }, '尚无检查记录。'),
    contracts.length ? inspectionForm(f, contracts, again) : h('p', { class: 'muted' }, '签订责任书后才能按责任书职责记录检查。'));
}

function correction(f, finding, again) {
  if (!finding.warning) return '—';
  if (finding.correctedOn) return `${date(finding.correctedOn)} 已整改${finding.correctionNote ? `：${finding.correctionNote}` : ''}`;
  const place = h('div');
  const button = h('button', { type: 'button', dataset: { finding: finding.id } }, '整改确认');
  button.addEventListener('click', () => fill(place, apiForm({
    className: 'stack', submit: '确认已整改',
    fields: [field('整改日期', input('correctedOn', { type: 'date', value: today() })), field('整改说明', input('note'))],
    action: async body => {
      await post(`/api/facilities/${encodeURIComponent(f.code)}/findings/${finding.id}/correction`, body);
      await again('已确认整改');
    },
  })));
  return h('div', {}, tag('未整改', true), ' ', button, place);
}

function inspectionForm(f, contracts, again) {
  const latest = contracts[contracts.length - 1];
  const rows = h('tbody');
  const addRow = () => {
    const i = rows.children.length;
    rows.append(h('tr', {},
      h('td', {}, h('label', { dataset: { field: `findings[${i}].dutyNumber` } },
        select(`findings[${i}].dutyNumber`, latest.duties.map(d => h('option', { value: d.number }, `${d.number}. ${d.title}`))))),
      h('td', {}, h('label', { dataset: { field: `findings[${i}].description` } }, input(`findings[${i}].description`, { placeholder: '发现的问题' }))),
      h('td', {}, h('label', { class: 'check' }, input(`findings[${i}].warning`, { type: 'checkbox' }), '警告')),
      h('td', {}, h('label', { dataset: { field: `findings[${i}].penalty` } }, input(`findings[${i}].penalty`, { type: 'number', min: 0, step: '0.01', value: 0 }))),
      h('td', {}, h('label', { class: 'check' }, input(`findings[${i}].suspend`, { type: 'checkbox' }), '暂停定点'))));
  };
  const lines = h('div', { class: 'scroll' }, h('table', { class: 'lines' },
    h('thead', {}, h('tr', {}, ['职责', '问题', '警告', '罚款（元）', '暂停'].map(t => h('th', {}, t)))), rows));
  const more = h('button', { type: 'button', onclick: addRow }, '添加一条问题');
  const form = apiForm({
    id: 'inspection-form', submit: '记录检查', buttonId: 'record-inspection',
    fields: [
      field('检查日期', input('inspectedOn', { type: 'date', value: today() })),
      field('检查人员', input('inspectors')),
      field('检查概况', input('summary')),
    ],
    extra: h('div', {}, h('h3', {}, '发现的问题（无问题可不填）'), lines, h('div', { class: 'actions' }, more)),
    action: async (values) => {
      const findings = [];
      for (let i = 0; i < rows.children.length; i++) {
        const at = name => values[`findings[${i}].${name}`];
        if (!at('description') && !at('warning') && !at('penalty') && !at('suspend')) continue;
        findings.push({ dutyNumber: Number(at('dutyNumber')), description: at('description'), warning: at('warning'), penalty: at('penalty') ?? 0, suspend: at('suspend') });
      }
      const recorded = await post(`/api/facilities/${encodeURIComponent(f.code)}/inspections`,
        { inspectedOn: values.inspectedOn, inspectors: values.inspectors, summary: values.summary, findings });
      await again(`检查已记录；机构状态：${recorded.facilityStatusName}，本期未整改警告 ${recorded.uncorrectedWarningsInTerm} 次`);
    },
  });
  addRow();
  return h('div', {}, h('h3', {}, '记录一次监督检查'), form);
}

async function complianceCard(f) {
  const place = h('div', { id: 'compliance' });
  const on = input('date', { type: 'date', value: today(), 'aria-label': '日期' });
  const show = async () => {
    try {
      const c = await get(`/api/facilities/${encodeURIComponent(f.code)}/compliance`, { date: on.value });
      fill(place, h('p', {}, `责任书 ${c.contractNumber}（${date(c.termStart)} 至 ${date(c.termEnd)}）：未整改警告 ${c.uncorrectedWarnings} 次，罚款合计 ${money(c.totalPenalties)} 元。`),
        table([
          ['职责', d => `${d.number}. ${d.title}`], ['问题', d => d.findings, 'num'], ['警告', d => d.warnings, 'num'],
          ['未整改', d => d.uncorrectedWarnings, 'num'], ['罚款（元）', d => money(d.penalties), 'num'], ['暂停', d => d.suspensions, 'num'],
        ], c.duties));
    } catch (e) {
      fill(place, e.status === 404 ? h('p', { class: 'muted' }, `${on.value} 没有生效的责任书，无履约记录。`) : problem(e));
    }
  };
  on.addEventListener('change', show);
  await show();
  return card('履约情况', h('div', { class: 'actions' }, field('截至日期', on),
    downloadButton('下载履约情况（Excel）', `/api/facilities/${encodeURIComponent(f.code)}/compliance.xlsx`, () => ({ date: on.value }),
      `${f.code}-履约情况.xlsx`)), place);
}

function clientCard(f) {
  const out = h('div', { id: 'client-out' });
  const base = `/api/facilities/${encodeURIComponent(f.code)}/client`;
  const issue = h('button', { type: 'button', class: 'primary', id: 'issue-client' }, '签发或更换密钥');
  issue.addEventListener('click', () => confirmIn(out,
    '签发接口账号，或为已有账号更换密钥：新密钥只在此显示一次；旧密钥取得的令牌在到期前仍可使用。继续？', '签发', async () => {
      const client = await post(base);
      fill(out, h('div', { class: 'secret', role: 'alert', id: 'client-secret' },
        h('strong', {}, client.rotated ? '密钥已更换。' : '接口账号已签发。'),
        h('p', {}, '请立即将以下信息交给医疗机构的系统管理员。密钥只显示这一次，系统只保存其摘要，离开本页后无法再查看；遗失只能重新更换。'),
        facts([['客户端标识（client_id）', h('code', {}, client.clientId)], ['密钥（client_secret）', h('code', { class: 'secret-value' }, client.clientSecret)]]),
        h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => copy(client.clientSecret) }, '复制密钥'),
          h('button', { type: 'button', onclick: () => fill(out) }, '我已妥善保存，隐藏密钥'))));
      return false;
    }));
  const disable = h('button', { type: 'button', class: 'danger', id: 'disable-client' }, '停用');
  disable.addEventListener('click', () => confirmIn(out, '停用后该机构的系统不能再取得令牌，已有令牌几秒内失效。重新签发可恢复。确认停用？', '确认停用', async () => {
    await post(`${base}/disable`);
    toast('接口账号已停用');
  }));
  const unlock = h('button', { type: 'button', id: 'unlock-client' }, '解除锁定');
  unlock.addEventListener('click', () => act(unlock, out, async () => {
    await post(`${base}/unlock`);
    toast('已解除锁定');
  }));
  return card('接口账号（医疗机构系统）', h('p', { class: 'muted' },
    `客户端标识为 facility-${f.code}。定点（含警告、暂停）的机构才能签发；连续输错密钥会被锁定。`),
  h('div', { class: 'actions' }, issue, disable, unlock), out);
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    toast('密钥已复制');
  } catch {
    toast('浏览器不允许复制，请手工选中密钥复制');
  }
}

async function dutiesPage(screen) {
  const duties = await get('/api/facilities/duties');
  const again = async note => { await dutiesPage(screen); if (note) toast(note); };
  const edit = d => apiForm({
    className: 'stack', submit: d ? '保存' : '添加职责',
    fields: [field('标题', input('title', { value: d?.title || '' })), field('内容', textarea('description', { value: d?.description || '' }))],
    action: async body => {
      const number = d?.number ?? Math.max(0, ...duties.map(x => x.number)) + 1;
      await put(`/api/facilities/duties/${number}`, body);
      await again(`第 ${number} 项职责已保存；此后签订的责任书列明新内容，已签的责任书不变`);
    },
  });
  fill(screen, h('h1', {}, '责任书职责'),
    h('p', { class: 'muted' }, `现行 ${duties.length} 项职责。修改只影响此后签订的责任书，已签订的责任书保留签订时的职责。`),
    card(null, duties.map(d => h('details', { class: 'duty' }, h('summary', {}, h('strong', {}, `${d.number}. ${d.title}`), ' ', d.description), edit(d)))),
    card('新增职责', edit(null)));
}

export default [
  { path: 'admin/facilities', menu: '定点医疗机构', title: '定点医疗机构', roles: ['admin'], render: facilityList },
  { path: 'admin/facilities/new', title: '登记申请定点机构', roles: ['admin'], render: registerFacility },
  { path: 'admin/facilities/:code', title: '定点医疗机构', roles: ['admin'], render: facilityPage },
  { path: 'admin/duties', menu: '责任书职责', title: '责任书职责', roles: ['admin'], render: dutiesPage },
];
