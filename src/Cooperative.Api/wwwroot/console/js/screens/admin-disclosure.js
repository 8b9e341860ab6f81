// 补偿公示: the months' disclosures, preparing a month (with progress while it runs), reading the draft as the public will
// read it, reviewing it with a note, publishing it (once, for good), and its downloads.
import { get, post } from '../api.js';
import { h, fill, table, facts, field, toast, money, date, label, progress, dateTime, percent } from '../ui.js';
import { card, input, textarea, apiForm, confirmIn, lastMonth, tag, downloadButton } from './admin-common.js';

const statusTag = d => tag(label('disclosure_status', d.status), d.status !== 'published');

async function prepare(month, holder) {
  const bar = progress(`正在编制 ${month} 补偿公示：汇总本月结算的报销、上月以前的冲销更正和基金收支…`);
  fill(holder, bar.element);
  const started = Date.now();
  const tick = setInterval(() => bar.set(null, `正在编制 ${month} 补偿公示… 已用 ${Math.round((Date.now() - started) / 1000)} 秒`), 1000);
  try {
    const prepared = await post(`/api/disclosures/${month}/prepare`);
    bar.set(1, '编制完成');
    toast(`${month} 公示草稿已编制：住院 ${prepared.inpatientRows} 人次，门诊 ${prepared.outpatientVisits} 人次`);
    return prepared;
  } finally {
    clearInterval(tick);
  }
}

async function disclosureList(screen) {
  const months = await get('/api/disclosures');
  const running = h('div', { id: 'prepare-progress' });
  const form = apiForm({
    id: 'prepare-form', submit: '编制公示', buttonId: 'prepare',
    fields: [field('公示月份', input('month', { type: 'month', value: lastMonth(), id: 'prepare-month' }))],
    action: async (values, formElement, out) => {
      const existing = months.find(m => m.month === values.month);
      const go = async () => {
        await prepare(values.month, running).catch(e => { fill(running); throw e; });
        location.hash = `#/admin/disclosures/${values.month}`;
      };
      if (existing) {
        return confirmIn(out, `${values.month} 已有${label('disclosure_status', existing.status)}的草稿。重新编制将替换草稿并撤销审核，确认？`, '重新编制', go);
      }
      return go();
    },
  });
  fill(screen, h('h1', {}, '补偿公示'),
    h('p', { class: 'muted' }, '每月结束后编制上月的补偿公示：编制 → 阅读核对 → 审核（填写审核意见）→ 发布。发布后向社会公开，不能再修改；以后的冲销作为下月的更正公示。'),
    card('编制', form, running),
    card('各月公示', table([
      ['月份', d => d.month], ['状态', statusTag], ['住院人次', d => d.inpatientRows, 'num'], ['门诊人次', d => d.outpatientVisits, 'num'],
      ['基金支付（元）', d => money(d.fundPaid), 'num'], ['编制', d => `${d.preparedBy} ${dateTime(d.preparedUtc)}`],
      ['审核', d => (d.reviewedBy ? `${d.reviewedBy} ${dateTime(d.reviewedUtc)}` : '—')],
      ['发布', d => (d.publishedBy ? `${d.publishedBy} ${dateTime(d.publishedUtc)}` : '—')],
    ], months, { id: 'disclosures', empty: '尚未编制任何月份的公示', onOpen: d => { location.hash = `#/admin/disclosures/${d.month}`; } })));
}

async function disclosurePage(screen, { month }) {
  const d = await get(`/api/disclosures/${month}`);
  const again = async note => { await disclosurePage(screen, { month }); if (note) toast(note); };
  const out = h('div', { id: 'disclosure-out' });
  const steps = [];
  if (d.status === 'prepared') {
    steps.push(card('审核', h('p', {}, '请逐项核对本页的汇总和名单（姓名已脱敏，不含身份证号、诊断等信息），填写审核意见。'), apiForm({
      id: 'review-form', className: 'stack', submit: '审核通过', buttonId: 'review',
      fields: [field('审核意见', textarea('note', { placeholder: '如：已与本月结算数据核对一致' }))],
      action: async values => {
        await post(`/api/disclosures/${month}/review`, { note: values.note });
        await again(`${month} 公示已审核`);
      },
    })));
  }
  if (d.status === 'reviewed') {
    const publish = h('button', { type: 'button', class: 'primary', id: 'publish' }, '发布公示');
    publish.addEventListener('click', () => confirmIn(out, `确认发布 ${month} 补偿公示？发布后向社会公开，内容不能再修改。`, '确认发布', async () => {
      await post(`/api/disclosures/${month}/publish`);
      await again(`${month} 补偿公示已发布`);
      return false;
    }));
    steps.push(card('发布', h('p', {}, `已由 ${d.reviewedBy} 于 ${dateTime(d.reviewedUtc)} 审核：${d.reviewNote || '（无意见）'}`),
      h('div', { class: 'actions' }, publish)));
  }
  if (d.status !== 'published') {
    const again2 = h('button', { type: 'button', id: 'prepare-again' }, '重新编制');
    const running = h('div');
    again2.addEventListener('click', () => confirmIn(out, '重新编制将按当前数据替换草稿，并撤销已有的审核。确认？', '重新编制', async () => {
      await prepare(month, running);
      await again();
      return false;
    }));
    steps.push(h('div', { class: 'actions' }, again2, running));
  }
  const c = d.content;
  fill(screen,
    h('h1', {}, `${month} 补偿公示 `, statusTag(d)),
    h('div', { class: 'actions' }, h('a', { href: '#/admin/disclosures' }, '返回列表'),
      downloadButton('下载 Excel', `/api/disclosures/${month}.xlsx`, null, `${month}-补偿公示.xlsx`, 'download-xlsx'),
      downloadButton('下载 CSV（住院名单）', `/api/disclosures/${month}.csv`, null, `${month}-住院补偿名单.csv`),
      downloadButton('下载 JSON', `/api/disclosures/${month}.json`, null, `${month}-补偿公示.json`)),
    card('状态', facts([
      ['状态', h('span', { id: 'disclosure-status' }, label('disclosure_status', d.status))], ['内容摘要（SHA-256）', h('code', {}, d.contentHash)],
      ['编制', `${d.preparedBy} ${dateTime(d.preparedUtc)}`], ['审核', d.reviewedBy ? `${d.reviewedBy} ${dateTime(d.reviewedUtc)}` : '未审核'],
      ['审核意见', d.reviewNote || '—'], ['发布', d.publishedBy ? `${d.publishedBy} ${dateTime(d.publishedUtc)}` : '未发布'],
    ])),
    out, steps, c ? content(c) : h('p', { class: 'muted' }, '没有公示内容。'));
}

function content(c) {
  const s = c.summary;
  const paid = (x, key) => (x[key] !== undefined && x[key] !== null ? money(x[key]) : '—');
  return h('div', { id: 'disclosure-content' },
    card('汇总', facts([
      ['补偿人数', s.persons], ['补偿人次', s.visits], ['医疗总费用（元）', money(s.totalCost)], ['可报费用（元）', money(s.eligible)],
      ['基金支付（元）', money(s.fundPaid)], ['平均实际补偿比', percent(s.averageRatio)],
      ['住院人次', s.inpatientVisits], ['住院基金支付（元）', money(s.inpatientFundPaid)],
      ['门诊人次', s.outpatientVisits], ['门诊基金支付（元）', money(s.outpatientFundPaid)],
      ['冲销更正笔数', s.corrections], ['冲销更正金额（元）', money(s.correctionsFundPaid)], ['基金净支付（元）', money(s.netFundPaid)],
      ['大病保险支付（元）', paid(s, 'catastrophicPaid')], ['医疗救助支付（元）', paid(s, 'assistancePaid')], ['个人负担（元）', paid(s, 'patientPaid')],
    ]),
    h('h3', {}, '按医疗机构级别'),
    table([['级别', r => r.levelName], ['人数', r => r.persons, 'num'], ['人次', r => r.visits, 'num'], ['总费用', r => money(r.totalCost), 'num'],
      ['基金支付', r => money(r.fundPaid), 'num']], s.byLevel),
    s.byBenefit?.length ? [h('h3', {}, '按补偿类别'), table([['类别', r => r.benefitName], ['人数', r => r.persons, 'num'], ['人次', r => r.visits, 'num'],
      ['总费用', r => money(r.totalCost), 'num'], ['基金支付', r => money(r.fundPaid), 'num'], ['大病保险', r => money(r.catastrophicPaid), 'num'],
      ['医疗救助', r => money(r.assistancePaid), 'num']], s.byBenefit)] : null),
    card('基金收支（本月）', facts([['收入（元）', money(c.fund.income)], ['支出（元）', money(c.fund.expenditure)], ['期末结余（元）', money(c.fund.balance)]])),
    card(`住院补偿名单（${c.inpatients.length} 人次）`, table([
      ['序号', r => r.row, 'num'], ['姓名', r => r.maskedName], ['性别', r => r.gender], ['年龄', r => r.age, 'num'], ['村', r => r.village],
      ['医疗机构', r => `${r.facility}（${r.facilityLevel}）`], ['入院', r => date(r.admissionDate)], ['出院', r => date(r.dischargeDate)],
      ['总费用', r => money(r.totalCost), 'num'], ['可报费用', r => money(r.eligible), 'num'], ['基金补偿', r => money(r.reimbursement), 'num'],
      ['类别', r => r.benefitName || ''],
    ], c.inpatients, { id: 'disclosure-inpatients', empty: '本月没有住院补偿' })),
    card('门诊补偿（按村）', table([['村', r => r.village], ['人数', r => r.persons, 'num'], ['人次', r => r.visits, 'num'],
      ['总费用', r => money(r.totalCost), 'num'], ['基金支付', r => money(r.fundPaid), 'num']], c.outpatientByVillage, { empty: '本月没有门诊补偿' })),
    card('门诊补偿（按医疗机构）', table([['医疗机构', r => `${r.facility}（${r.facilityLevel}）`], ['人数', r => r.persons, 'num'],
      ['人次', r => r.visits, 'num'], ['总费用', r => money(r.totalCost), 'num'], ['基金支付', r => money(r.fundPaid), 'num']], c.outpatientByFacility, { empty: '本月没有门诊补偿' })),
    c.corrections.length ? card('冲销更正', table([['姓名', r => r.maskedName], ['村', r => r.village], ['医疗机构', r => r.facility],
      ['类型', r => r.visitType], ['原公示月份', r => r.originalMonth], ['原序号', r => r.originalRow ?? ''], ['冲销日期', r => date(r.reversedOn)],
      ['总费用', r => money(r.totalCost), 'num'], ['冲回补偿', r => money(r.reimbursement), 'num']], c.corrections)) : null,
    c.auditCheckpoint ? card('审计链校验点', facts([
      ['序号', c.auditCheckpoint.seq], ['时间', dateTime(c.auditCheckpoint.atUtc)], ['哈希', h('code', {}, c.auditCheckpoint.hash)],
      ['与审计链一致', c.auditCheckpoint.matchesChain ? '一致' : tag('不一致', true)],
    ])) : null);
}

export default [
  { path: 'admin/disclosures', menu: '补偿公示', title: '补偿公示', roles: ['admin'], render: disclosureList },
  { path: 'admin/disclosures/:month', title: '补偿公示', roles: ['admin'], render: disclosurePage },
];
