// 报销审核: the review queue, the claims search and one claim with its calculation step by step, the person's other
// claims of the year, and the reviewer's decision (approve, or reject with a reason). Only the public HTTP API.
import { get, post, download } from '../api.js';
import {
  h, fill, table, pagedList, facts, field, act, money, date, dateTime, label, options, codes, percent, markErrors, progress, navigate, valuesOf,
} from '../ui.js';

import { settlementCard } from './settlement.js';

const REVIEWERS = ['reviewer', 'admin'];

/** A review flag's Chinese name from the vocabulary (review_reason); an unknown flag shows its code. */
const flagName = code => label('review_reason', code);
/** A note the claim rules wrote with flag codes in it (自动标记：readmission_15d（…）), the codes named in Chinese. */
const withFlagNames = note => String(note).replace(new RegExp(`\\b(${codes('review_reason').join('|')})\\b`, 'g'), flagName);
const flagList = flags => (Array.isArray(flags) ? flags : String(flags || '').split(',')).map(f => f.trim()).filter(Boolean);
const flagTags = flags => flagList(flags).map(f => h('span', { class: 'tag flag', title: f }, flagName(f)));

/** The list a claim was opened from (the queue or a search, with its filters), for the claim's link back. */
let back = null;
const remember = () => { back = location.hash; };

let who = null;
/** The signed-in user (GET /api/me), asked once per page load: a reviewer's actions are offered to reviewers only. */
const me = async () => (who ??= await get('/api/me'));



let facilities = null;
/** The register's facilities for the facility filter (a datalist: any code may still be typed). */
async function facilityList(id) {
  if (!facilities) {
    try {
      facilities = (await get('/api/facilities', { pageSize: 200 })).items;
    } catch {
      facilities = [];
    }
  }
  return h('datalist', { id }, facilities.map(f => h('option', { value: f.code }, `${f.name}（${f.levelName}）`)));
}

const claimLink = number => `#/review/claims/${encodeURIComponent(number)}`;
const open = row => { location.hash = claimLink(row.number); };

const summaryColumns = [
  ['报销单号', c => h('a', { href: claimLink(c.number), onclick: e => e.stopPropagation() }, c.number)],
  ['患者', c => c.patientName],
  ['就诊机构', c => c.facilityName],
  ['类别', c => label('benefit_kind', c.benefit)],
  ['出院日期', c => date(c.dischargeDate)],
  ['费用总额', c => money(c.total), 'num'],
  ['基金支付', c => money(c.fundPays), 'num'],
  ['合计支付', c => money(c.payout), 'num'],
  ['状态', c => label('claim_status', c.status)],
  ['标记', c => flagTags(c.flags)],
];

async function queue(screen, _params, query) {
  remember();
  const form = h('form', { class: 'grid card', id: 'queue-filters' },
    field('标记', h('select', { name: 'flag' }, h('option', { value: '' }, '全部'),
      options('review_reason'))),
    field('就诊机构编码', h('input', { name: 'facility', list: 'queue-facilities', placeholder: '全部机构' })),
    field('基金支付不低于（元）', h('input', { name: 'minAmount', type: 'number', min: 0, step: '0.01' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'all' }), '同时显示已结算（未标记）的报销单'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询'),
      h('button', { type: 'button', onclick: () => navigate('review/queue', {}, () => list.reload()) }, '清除条件')));
  for (const name of ['flag', 'facility', 'minAmount']) form.elements[name].value = query.get(name) || '';
  form.elements.all.checked = query.get('all') === 'true';
  const filters = () => ({
    flag: query.get('flag'), facility: query.get('facility'), minAmount: query.get('minAmount'), all: query.get('all') === 'true' ? 'true' : null,
  });
  const list = pagedList(summaryColumns, page => get('/api/claims/review-queue', { ...filters(), page, pageSize: 20 }),
    { onOpen: open, id: 'review-queue', empty: '审核队列为空：没有待审核的报销单' });
  form.addEventListener('submit', e => {
    e.preventDefault();
    const v = valuesOf(form);
    if (v.minAmount !== '' && !(Number(v.minAmount) >= 0)) return markErrors(form, { minAmount: ['请输入不小于 0 的金额'] });
    markErrors(form, {});
    navigate('review/queue', { ...v, all: v.all ? 'true' : '' }, () => list.reload());
  });
  fill(screen, h('h1', {}, '审核队列'),
    h('p', { class: 'muted' }, '系统自动标记、待人工审核的报销单，按提交时间先后排列。点击一行查看计算过程并审核。'),
    form, await facilityList('queue-facilities'), list.element);
}

async function search(screen, _params, query) {
  remember();
  const form = h('form', { class: 'grid card', id: 'claim-filters' },
    field('报销单号、身份证号、发票号或患者姓名', h('input', { name: 'q', autofocus: true })),
    field('状态', h('select', { name: 'status' }, options('claim_status', { blank: '全部' }))),
    field('就诊机构编码', h('input', { name: 'facility', list: 'search-facilities', placeholder: '全部机构' })),
    field('出院日期自', h('input', { name: 'from', type: 'date' })),
    field('出院日期至', h('input', { name: 'to', type: 'date' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询'),
      h('button', { type: 'button', onclick: () => navigate('review/claims', {}, () => list.reload()) }, '清除条件')));
  const names = ['q', 'status', 'facility', 'from', 'to'];
  for (const name of names) form.elements[name].value = query.get(name) || '';
  const filters = Object.fromEntries(names.map(n => [n, query.get(n)]));
  const list = pagedList(summaryColumns, page => get('/api/claims', { ...filters, page, pageSize: 20 }),
    { onOpen: open, id: 'claims', empty: '没有符合条件的报销单' });
  form.addEventListener('submit', e => {
    e.preventDefault();
    const v = valuesOf(form);
    if (v.from && v.to && v.from > v.to) return markErrors(form, { to: ['截止日期不能早于起始日期'] });
    markErrors(form, {});
    navigate('review/claims', v, () => list.reload());
  });
  fill(screen, h('h1', {}, '报销单查询'), form, await facilityList('search-facilities'), list.element);
}


function statusHistory(c) {
  return h('div', { class: 'card' }, h('h2', {}, '状态记录'),
    table([
      ['时间', x => dateTime(x.atUtc)],
      ['原状态', x => (x.from ? label('claim_status', x.from) : '')],
      ['新状态', x => label('claim_status', x.to)],
      ['操作人', x => x.by],
      ['说明', x => (x.note ? withFlagNames(x.note) : '')],
    ], c.history || [], { id: 'claim-history' }));
}

/** The person's claims of the same fund year (GET /api/claims?q=<ID number>&from&to), this one left out. */
function otherClaims(c) {
  const year = c.fundYear || Number(String(c.dischargeDate).slice(0, 4));
  const list = pagedList(summaryColumns, async page => {
    const result = await get('/api/claims', { q: c.idNumber, from: `${year}-01-01`, to: `${year}-12-31`, page, pageSize: 20 });
    const items = result.items.filter(x => x.number !== c.number);
    return { ...result, items, total: result.total - (result.items.length - items.length) };
  }, { onOpen: open, id: 'other-claims', empty: '本年度没有其他报销单' });
  return h('div', { class: 'card' }, h('h2', {}, `${c.patientName} ${year} 年度的其他报销单`), list.element);
}

function lines(c) {
  return h('div', { class: 'card' }, h('h2', {}, '费用明细'),
    table([
      ['序号', l => l.lineNo, 'num'],
      ['项目编码', l => l.code],
      ['项目名称', l => l.name],
      ['数量', l => (l.quantity ?? ''), 'num'],
      ['单价', l => money(l.unitPrice), 'num'],
      ['金额', l => money(l.amount), 'num'],
      ['目录类别', l => label('catalogue_status', l.catalogueStatus)],
      ['先行自付比例', l => (l.catalogueStatus === 'partly_covered' ? percent(l.selfPayShare) : ''), 'num'],
    ], c.lines || [], { id: 'claim-lines' }));
}

/** The diagnosis code with its Chinese name from the ICD-10 list (GET /api/reference/diagnoses), when listed there. */
function diagnosis(code) {
  const text = h('span', { id: 'diagnosis' }, code);
  get('/api/reference/diagnoses', { q: code, limit: 1 })
    .then(found => {
      const d = found.find(x => x.code.toUpperCase() === String(code).toUpperCase());
      if (d) text.append(` ${d.name}`);
    })
    .catch(() => {});
  return text;
}

function header(c) {
  const referral = !c.referred ? '否' : c.referralFiling ? `是（转诊备案 ${c.referralFiling}）` : '申报转诊（未备案）';
  const stay = c.visitType === 'inpatient'
    ? Math.max(1, Math.round((new Date(c.dischargeDate) - new Date(c.admissionDate)) / 86400000)) : null;
  return h('div', { class: 'card', id: 'claim-facts' },
    facts([
      ['患者姓名', c.patientName], ['身份证号', c.idNumber],
      ['就诊机构', `${c.facilityName}（${label('facility_level', c.facilityLevel)}）${c.facilityCode ? ` ${c.facilityCode}` : ''}`],
      ['报销渠道', label('claim_channel', c.channel)],
      ['就诊类型', label('visit_type', c.visitType)],
      ['补偿类别', c.benefitGroup && c.settlement?.benefitGroupName ? `${c.benefitText}（${c.settlement.benefitGroupName}，${c.benefitGroup}）` : c.benefitText],
      ['入院日期', date(c.admissionDate)], ['出院日期', `${date(c.dischargeDate)}${stay ? `（住院 ${stay} 天）` : ''}`],
      ['诊断（ICD-10）', diagnosis(c.diagnosisCode)], ['是否转诊', referral],
      ['发票号', c.invoiceNumber], ['补偿方案', c.policyVersion ? `${c.fundYear} 年度第 ${c.policyVersion} 版` : '尚未结算'],
      ['费用总额', `${money(c.total)} 元`], ['基金支付', `${money(c.fundPays)} 元`],
      ['大病保险', `${money(c.catastrophicPays)} 元`], ['医疗救助', `${money(c.assistancePays)} 元`],
      ['合计支付', `${money(c.payout)} 元`], ['个人自付', `${money(c.patientPays)} 元`],
      ...(c.missingDocuments?.length ? [['缺少材料', c.missingDocuments.map(d => label('required_document', d)).join('、')]] : []),
      ...(c.paymentMethod ? [['支付方式', label('payment_method', c.paymentMethod)]] : []),
      ...(c.recovery ? [['追回款项', c.recovery.text]] : []),
    ]));
}

/** The decision of a claim under review: approve (an optional note) or reject (a reason, required). */
function decision(c, done) {
  const reason = h('textarea', { name: 'reason', rows: 2, maxLength: 500, placeholder: '审核不通过时必须填写理由，例如：挂床住院，不予报销' });
  const out = h('div', { id: 'review-answer' });
  const form = h('form', { class: 'card no-print', id: 'review-form', onsubmit: e => e.preventDefault() },
    h('h2', {}, `审核报销单 ${c.number}`),
    h('div', { class: 'decide' }, field('审核意见（审核通过时可不填）', reason),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'approve', onclick: e => decide(e.currentTarget, 'approve') }, '审核通过'),
        h('button', { type: 'button', class: 'danger', id: 'reject', onclick: e => decide(e.currentTarget, 'reject') }, '审核不通过'))),
    out);
  async function decide(button, action) {
    const text = reason.value.trim();
    if (action === 'reject' && !text) {
      markErrors(form, { reason: ['审核不通过必须填写理由'] });
      reason.focus();
      return;
    }
    markErrors(form, {});
    const answer = await act(button, out, () => post(`/api/claims/${encodeURIComponent(c.number)}/${action}`, { reason: text || null }), form);
    if (answer) done(answer, action === 'approve'
      ? `报销单 ${answer.number} 已审核通过，当前状态：${label('claim_status', answer.status)}。`
      : `报销单 ${answer.number} 已审核不通过，基金支付已冲销，当前状态：${label('claim_status', answer.status)}。理由：${text}`);
  }
  return form;
}

async function claim(screen, params) {
  const user = await me();
  const show = (c, message) => {
    const canDecide = c.status === 'under_review' && REVIEWERS.includes(user.role);
    fill(screen,
      h('p', { class: 'no-print' }, h('a', { href: back || (REVIEWERS.includes(user.role) ? '#/review/queue' : '#/') }, '← 返回列表')),
      h('h1', {}, `报销单 ${c.number}`),
      h('div', { class: 'actions', id: 'claim-status' }, h('span', { class: 'tag' }, label('claim_status', c.status)), flagTags(c.flags)),
      message ? h('div', { class: 'ok', role: 'status', id: 'review-done' }, message) : null,
      c.reviewNote ? h('p', { id: 'review-note' }, h('strong', {}, '审核说明：'), withFlagNames(c.reviewNote)) : null,
      header(c), settlementCard(c), lines(c), otherClaims(c), statusHistory(c), statementDownload(c),
      canDecide ? decision(c, show) : null);
  };
  show(await get(`/api/claims/${encodeURIComponent(params.number)}`));
}

function statementDownload(c) {
  const out = h('div');
  const bar = progress('');
  bar.element.hidden = true;
  return h('div', { class: 'actions no-print' },
    h('button', {
      type: 'button', onclick: e => act(e.currentTarget, out, async () => {
        bar.element.hidden = false;
        bar.set(null, '正在下载…');
        const size = await download(`/api/claims/${encodeURIComponent(c.number)}/statement.xlsx`, null, `结算单-${c.number}.xlsx`,
          fraction => bar.set(fraction, '正在下载…'));
        bar.set(1, `下载完成（${size} 字节）`);
      }),
    }, '下载结算单（Excel）'), bar.element, out);
}

export default [
  { path: 'review/queue', menu: '审核队列', title: '审核队列', roles: REVIEWERS, render: queue },
  { path: 'review/claims', menu: '报销单查询', title: '报销单查询', roles: REVIEWERS, render: search },
  { path: 'review/claims/:number', title: '报销单审核', roles: [...REVIEWERS, 'auditor'], render: claim },
];
