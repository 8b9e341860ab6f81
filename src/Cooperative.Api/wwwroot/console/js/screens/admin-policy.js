// 补偿方案: the year's policy read as people read it (contributions, deductibles, bands, caps, special kinds and payers),
// its versions, editing before the year starts (the whole document as JSON), a version within a running year, and the
// trial calculation (试算) of a bill.
import { get, post, put, ApiError } from '../api.js';
import { h, fill, table, facts, field, problem, toast, money, date, label, options, today, suggest, percent } from '../ui.js';
import { card, input, select, textarea, apiForm } from './admin-common.js';

const bands = list => (list || []).map((b, i, all) => {
  const from = i === 0 ? '起付线以上' : `${money(all[i - 1].upperLimit)} 元以上`;
  return `${from}${b.upperLimit !== null && b.upperLimit !== undefined ? `至 ${money(b.upperLimit)} 元` : ''}：${percent(b.ratio)}`;
}).join('；');

const category = code => label('person_category', String(code || '').toLowerCase());

/** The policy document as tables a person reads. */
export function policyView(p) {
  const subsidy = p.subsidy || {};
  const perPerson = Number(p.individualContribution) + Number(subsidy.central) + Number(subsidy.province) + Number(subsidy.county);
  return h('div', { class: 'policy' },
    card('筹资与基金', facts([
      ['个人缴费（元/人）', money(p.individualContribution)], ['中央财政补助（元/人）', money(subsidy.central)],
      ['省级财政补助（元/人）', money(subsidy.province)], ['市县财政补助（元/人）', money(subsidy.county)],
      ['人均筹资合计（元）', money(perPerson)], ['风险基金提取比例', percent(p.riskReserveShare)],
      ['报销申请时限（天）', p.claimDeadlineDays], ['住院年度封顶线（元）', money(p.inpatientAnnualCap)],
      ['未办转诊降低比例', percent(p.noReferralReduction)],
    ])),
    card('住院补偿', table([
      ['医疗机构级别', r => label('facility_level', r.level)], ['起付线（元）', r => money(r.deductible), 'num'], ['分段补偿比例', r => bands(r.bands)],
    ], p.inpatient || [])),
    card('普通门诊补偿', table([
      ['医疗机构级别', r => label('facility_level', r.level)], ['补偿比例', r => percent(r.ratio), 'num'],
      ['每次封顶（元）', r => money(r.capPerVisit), 'num'], ['年度封顶（元）', r => money(r.capPerYear), 'num'],
    ], p.outpatient || [])),
    p.chronicGroups?.length ? card('门诊慢性病/特殊病种', table([
      ['类别', g => `${g.name}（${g.code}）`], ['补偿比例', g => percent(g.ratio), 'num'], ['年度封顶（元）', g => money(g.annualCap), 'num'],
      ['病种', g => g.diseases.map(d => `${d.name}（${d.code}）`).join('、')],
    ], p.chronicGroups)) : null,
    p.delivery ? card('住院分娩', facts([
      ['分娩诊断编码', p.delivery.diagnosisCodes.join('、')],
      ['按住院补偿更多时', p.delivery.inpatientRuleIfMore ? '按住院补偿' : '仍按定额补助'],
    ]), table([['医疗机构级别', s => label('facility_level', s.level)], ['定额补助（元）', s => money(s.amount), 'num']], p.delivery.subsidies)) : null,
    p.catastrophic ? card('大病保险', facts([
      ['承办机构', p.catastrophic.insurer], ['起付线（元）', money(p.catastrophic.threshold)],
      ['分段比例', bands(p.catastrophic.bands)], ['年度封顶（元）', money(p.catastrophic.annualCap)],
    ])) : null,
    p.assistance ? card('医疗救助', h('p', {}, `资助方：${p.assistance.funder}`), table([
      ['救助对象', c => category(c.category)], ['救助比例', c => percent(c.ratio), 'num'], ['年度封顶（元）', c => money(c.annualCap), 'num'],
    ], p.assistance.categories)) : null);
}

function jsonEditor(policy, id) {
  return h('label', {}, '方案全文（JSON，字段含义见接口文档 PolicyDocument）',
    textarea('policy', { id, class: 'json', rows: 24, spellcheck: false, value: JSON.stringify(policy, null, 2) }));
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, { title: '方案不是有效的 JSON', detail: e.message, code: 'json_invalid' });
  }
}

async function policyPage(screen, params, query) {
  const year = Number(query.get('year')) || new Date().getFullYear();
  const on = query.get('date') || '';
  const yearInput = input('year', { type: 'number', min: 2000, max: 2100, value: year, id: 'policy-year' });
  const pick = h('form', { class: 'actions' }, field('年度', yearInput), h('button', { type: 'submit' }, '查看'));
  pick.addEventListener('submit', e => { e.preventDefault(); location.hash = `#/admin/policy?year=${yearInput.value}`; });
  const body = h('div');
  fill(screen, h('h1', {}, `${year} 年度补偿方案`), pick, body);

  let current;
  let versions = [];
  try {
    [current, versions] = await Promise.all([get(`/api/policies/${year}`, { date: on }), get(`/api/policies/${year}/versions`)]);
  } catch (e) {
    if (e.status !== 404) throw e;
    return fill(body, problem(e), await newYear(year));
  }
  // The year has started once its first version is frozen: from then on a change is a new version, never an edit.
  const started = versions[0]?.frozen ?? current.frozen;
  const versionList = table([
    ['版本', v => `第 ${v.version} 版`], ['生效日期', v => date(v.effectiveFrom)],
    ['状态', v => (v.frozen ? '已冻结' : started ? '尚未生效' : '可编辑（年度尚未开始）')],
    ['', v => (v.version === current.version ? '正在查看' : '')],
  ], versions, { id: 'policy-versions', onOpen: v => { location.hash = `#/admin/policy?year=${year}&date=${v.effectiveFrom}`; } });
  const change = h('div');
  const edit = h('button', { type: 'button', id: 'edit-policy' }, started ? '新增年度内版本' : '编辑方案');
  edit.addEventListener('click', () => fill(change, started ? versionForm(year, current) : editForm(year, current)));
  fill(body,
    h('p', {}, `正在查看第 ${current.version} 版，自 ${date(current.effectiveFrom)} 起执行。`,
      started ? '年度已开始，方案已冻结：修改须新增一个年度内版本，按就诊日期适用。' : '年度尚未开始，可以直接修改。'),
    h('div', { class: 'actions no-print' }, edit, h('a', { href: '#/admin/policy/trial', class: 'button' }, '试算一笔费用')),
    change, card('版本', versionList), policyView(current.policy));
}

function editForm(year, current) {
  const form = apiForm({
    className: 'stack', submit: '保存方案', buttonId: 'save-policy', fields: [jsonEditor(current.policy, 'policy-json')],
    action: async values => {
      const saved = await put(`/api/policies/${year}`, parseJson(values.policy));
      toast(`${year} 年度方案已保存（第 ${saved.version} 版）`);
      location.hash = `#/admin/policy?year=${year}&saved=${Date.now()}`;
    },
  });
  return card('编辑方案（年度开始前）', form);
}

function versionForm(year, current) {
  const form = apiForm({
    className: 'stack', submit: '新增版本', buttonId: 'add-version',
    fields: [field('生效日期（今天或本年度以后的日期）', input('effectiveFrom', { type: 'date', value: today() })), jsonEditor(current.policy, 'version-json')],
    action: async values => {
      const added = await post(`/api/policies/${year}/versions`, { effectiveFrom: values.effectiveFrom, policy: parseJson(values.policy) });
      toast(`已新增第 ${added.version} 版，自 ${date(added.effectiveFrom)} 起执行`);
      location.hash = `#/admin/policy?year=${year}&date=${added.effectiveFrom}`;
    },
  });
  return card('新增年度内版本', h('p', { class: 'muted' }, '就诊日期在生效日期之后的报销按新版本计算，之前的仍按原版本。'), form);
}

async function newYear(year) {
  let template = null;
  try {
    template = (await get(`/api/policies/${year - 1}`)).policy;
  } catch {
    template = null;
  }
  return card(`制定 ${year} 年度方案`, h('p', { class: 'muted' }, template ? `已按 ${year - 1} 年度方案填好，修改后保存。` : '请填写方案全文。'),
    editForm(year, { policy: template || {} }));
}

// The trial calculation: a bill's lines, the visit, what the person used this year; nothing is stored.
async function trialPage(screen) {
  const rows = h('tbody');
  const addLine = () => {
    const i = rows.children.length;
    const code = input(`lines[${i}].code`, { placeholder: '编码或名称检索', class: 'code' });
    const name = input(`lines[${i}].name`);
    const status = select(`lines[${i}].status`, options('catalogue_status', { blank: '按目录' }));
    const share = input(`lines[${i}].selfPayShare`, { type: 'number', min: 0, max: 1, step: '0.01' });
    const quantity = input(`lines[${i}].quantity`, { type: 'number', min: 0, step: 'any' });
    const price = input(`lines[${i}].unitPrice`, { type: 'number', min: 0, step: '0.01' });
    const amount = input(`lines[${i}].amount`, { type: 'number', min: 0, step: '0.01' });
    const recompute = () => { if (quantity.value && price.value) amount.value = (Number(quantity.value) * Number(price.value)).toFixed(2); };
    quantity.addEventListener('input', recompute);
    price.addEventListener('input', recompute);
    const cell = (element, name) => h('td', {}, h('label', { dataset: { field: name || element.name } }, element));
    rows.append(h('tr', {},
      cell(suggest(code, async text => (await get('/api/catalogue', { q: text, pageSize: 10 })).items,
        item => `${item.code} ${item.name}（${label('catalogue_status', item.status)}）`,
        item => { code.value = item.code; name.value = item.name; status.value = item.status; share.value = item.selfPayShare || ''; quantity.focus(); }),
      code.name),
      cell(name), cell(quantity), cell(price), cell(amount), cell(status), cell(share)));
  };
  const lines = h('div', { class: 'scroll' }, h('table', { class: 'lines' },
    h('thead', {}, h('tr', {}, ['目录编码', '名称', '数量', '单价', '金额（元）', '目录类别', '乙类自付比例'].map(t => h('th', {}, t)))), rows));
  const result = h('div', { id: 'trial-result' });
  const form = apiForm({
    id: 'trial-form', submit: '试算', buttonId: 'run-trial',
    fields: [
      field('就诊日期', input('serviceDate', { type: 'date', value: today() })),
      field('就诊类型', select('visitType', options('visit_type'))),
      field('医疗机构级别', select('level', options('facility_level'))),
      h('label', { class: 'check' }, input('referred', { type: 'checkbox', checked: true }), '已办理转诊'),
      field('诊断编码（ICD-10）', input('diagnosisCode', { placeholder: '如 O80（分娩）、I10' })),
      field('已认定的慢性病（编码，逗号分隔）', input('certifiedDiseases', { 'data-skip': '' })),
      field('医疗救助对象', select('assistanceCategory', options('person_category', { blank: '不是救助对象', only: ['dibao', 'wubao', 'youfu', 'tekun'] }))),
      field('本年已获住院补偿（元）', input('priorUse.inpatientPaid', { type: 'number', min: 0, step: '0.01', value: 0 })),
      field('本年已获门诊补偿（元）', input('priorUse.outpatientPaid', { type: 'number', min: 0, step: '0.01', value: 0 })),
    ],
    extra: h('div', {}, h('h3', {}, '费用明细'), lines, h('div', { class: 'actions' }, h('button', { type: 'button', id: 'add-line', onclick: addLine }, '添加一行'))),
    action: async (values, formElement) => {
      const bill = [];
      for (let i = 0; i < rows.children.length; i++) {
        const at = name => values[`lines[${i}].${name}`];
        if (at('amount') === null && !at('code') && !at('name')) continue;
        bill.push({ code: at('code'), name: at('name'), quantity: at('quantity'), unitPrice: at('unitPrice'), amount: at('amount'), status: at('status'), selfPayShare: at('selfPayShare') });
      }
      const diseases = formElement.elements.certifiedDiseases.value.split(/[,，、\s]+/).filter(Boolean);
      const trial = await post('/api/policies/trial', {
        serviceDate: values.serviceDate, visitType: values.visitType, level: values.level, referred: values.referred,
        diagnosisCode: values.diagnosisCode, certifiedDiseases: diseases, assistanceCategory: values.assistanceCategory,
        priorUse: { inpatientPaid: values['priorUse.inpatientPaid'] ?? 0, outpatientPaid: values['priorUse.outpatientPaid'] ?? 0 }, lines: bill,
      });
      fill(result, trialResult(trial));
    },
  });
  addLine();
  fill(screen, h('h1', {}, '补偿试算'), h('p', { class: 'muted' }, '按就诊日期适用的补偿方案计算一笔费用各方支付多少；试算不保存任何数据。'),
    card(null, form), result);
}

function trialResult(t) {
  const s = t.settlement;
  return card(`试算结果（${t.fundYear} 年度方案第 ${t.policyVersion} 版）`,
    facts([
      ['费用总额', money(s.total)], ['目录外费用', money(s.excluded)], ['乙类自付部分', money(s.partlySelfPaid)], ['可报费用', money(s.eligible)],
      ['起付线', money(s.deductibleApplied)], ['比例降低', percent(s.ratioReduction)], ['封顶前补偿', money(s.beforeCaps)],
      ['单次封顶扣减', money(s.perVisitCapApplied)], ['年度封顶线', money(s.annualCap)], ['本次前剩余额度', money(s.capRemainingBefore)],
      ['封顶扣减', money(s.capCut)], ['本次后剩余额度', money(s.capRemainingAfter)],
      ['补偿类别', s.benefit ? `${label('benefit_kind', s.benefit)}${s.benefitGroupName ? `（${s.benefitGroupName}）` : ''}` : ''],
      ['分娩定额补助', s.deliverySubsidy !== null && s.deliverySubsidy !== undefined ? money(s.deliverySubsidy) : '—'],
    ]),
    h('h3', {}, '分段计算'),
    table([['可报费用区间', b => `${money(b.from)} 至 ${b.to !== null && b.to !== undefined ? money(b.to) : '以上'}`], ['金额', b => money(b.amount), 'num'],
      ['比例', b => percent(b.ratio), 'num'], ['补偿', b => money(b.payable), 'num']], s.bands || [], { empty: '未超过起付线' }),
    (s.payers || []).length ? [h('h3', {}, '其他支付方'), table([
      ['支付方', p => p.name], ['计算基数', p => money(p.base), 'num'], ['本年已累计', p => money(p.accumulatedBefore), 'num'],
      ['起付线', p => money(p.threshold), 'num'], ['封顶前', p => money(p.beforeCap), 'num'], ['封顶扣减', p => money(p.capCut), 'num'],
      ['支付', p => money(p.amount), 'num']], s.payers)] : null,
    (s.notes || []).length ? h('ul', {}, s.notes.map(n => h('li', {}, n))) : null,
    h('div', { class: 'ok', id: 'trial-summary' },
      `基金补偿 ${money(s.reimbursement)} 元，个人负担 ${money(s.patientShare)} 元`,
      s.payout !== null && s.payout !== undefined ? `，合计支付 ${money(s.payout)} 元` : '', '。'));
}

export default [
  { path: 'admin/policy', menu: '补偿方案', title: '补偿方案', roles: ['admin'], render: policyPage },
  { path: 'admin/policy/trial', menu: '补偿试算', title: '补偿试算', roles: ['admin'], render: trialPage },
];
