// The fund's month: the facilities' monthly settlement (机构月度结算) and a facility's statement, and closing a month
// (月末结账), in order, with a confirmation.
import { get, post } from '../api.js';
import { h, fill, table, facts, field, toast, money, print, progress, dateTime } from '../ui.js';
import { card, input, apiForm, confirmIn, lastMonth, tag } from './admin-common.js';

const monthInput = (name, value, id) => input(name, { type: 'month', value: value || lastMonth(), id, required: true });

async function settlementPage(screen, params, query) {
  const payments = h('div', { id: 'settlement-result' });
  const settle = apiForm({
    id: 'settle-form', submit: '结算本月', buttonId: 'settle',
    fields: [field('结算月份', monthInput('period', query.get('period'), 'settle-period'))],
    action: async (values, form, out) => confirmIn(out,
      `确认结算 ${values.period} 各定点医疗机构的直接结算款？将按机构逐一过账付款（审核中的报销暂缓支付）；同一月份重复结算不会重复付款。`,
      '确认结算', async () => {
        const bar = progress(`正在结算 ${values.period}…`);
        fill(payments, bar.element);
        const paid = await post(`/api/ledger/facility-settlements/${values.period}`).catch(e => { fill(payments); throw e; });
        fill(payments, card(`${values.period} 结算结果`, settlementTable(values.period, paid)));
        toast(`${values.period} 已结算，${paid.filter(p => p.paid > 0).length} 家机构获得付款`);
      }),
  });
  const statement = apiForm({
    id: 'statement-form', submit: '查看结算单', buttonId: 'read-statement',
    fields: [field('月份', monthInput('period', query.get('period'))), field('机构编码', input('facilityCode', { value: query.get('facility') || '', placeholder: '如 H0001' }))],
    action: async values => {
      location.hash = `#/admin/settlements/${values.period}/${encodeURIComponent(values.facilityCode || '')}`;
    },
  });
  fill(screen, h('h1', {}, '机构月度结算'),
    h('p', { class: 'muted' }, '月份结束后，按各定点医疗机构本月直接结算的报销（扣除罚款和应追回的款项）付款；审核中的报销待审核通过后再付。'),
    card('结算', settle), payments, card('机构结算单', statement));
}

function settlementTable(period, rows) {
  const total = key => money(rows.reduce((sum, r) => sum + Number(r[key] || 0), 0));
  return [table([
    ['机构', r => h('a', { href: `#/admin/settlements/${period}/${encodeURIComponent(r.facilityCode)}` }, r.facilityCode)],
    ['月末应付（元）', r => money(r.owed), 'num'], ['审核中暂缓（元）', r => money(r.held), 'num'], ['本次支付（元）', r => money(r.paid), 'num'],
    ['扣回（元）', r => money(r.deducted), 'num'], ['支付报销单数', r => r.claimsPaid, 'num'], ['付款凭证', r => r.entryNumber || '—'],
  ], rows, { id: 'settlement-payments', empty: '本月没有应付给机构的款项' }),
  h('p', {}, `合计：应付 ${total('owed')} 元，暂缓 ${total('held')} 元，支付 ${total('paid')} 元，扣回 ${total('deducted')} 元。`)];
}

async function statementPage(screen, { period, code }) {
  const [statement, facility] = await Promise.all([
    get(`/api/ledger/facility-settlements/${period}/${encodeURIComponent(code)}`),
    get(`/api/facilities/${encodeURIComponent(code)}`).catch(() => null),
  ]);
  const name = facility ? `${facility.name}（${code}）` : code;
  const lines = [
    ['上月末应付余额', statement.opening], ['本月报销应付', statement.claims], ['罚款', statement.penalties],
    ['本月已付', statement.payments], ['其他', statement.other], ['本月末应付余额', statement.closing],
  ];
  const doc = () => h('div', { class: 'doc' }, h('h1', {}, '定点医疗机构月度结算单'),
    h('p', {}, `机构：${name}　　结算月份：${period}`),
    h('table', {}, h('tbody', {}, lines.map(([t, v]) => h('tr', {}, h('th', {}, t), h('td', { class: 'num' }, `${money(v)} 元`))))),
    h('div', { class: 'sign' }, h('span', {}, '经办人：'), h('span', {}, '审核人：'), h('span', {}, '医疗机构签章：')));
  fill(screen, h('h1', {}, `结算单：${name} ${period}`),
    card(null, facts(lines.map(([t, v]) => [t, `${money(v)} 元`]))),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', id: 'print-statement', onclick: () => print(doc()) }, '打印结算单'),
      h('a', { href: `#/admin/settlements?period=${period}&facility=${encodeURIComponent(code)}` }, '返回')));
}

async function periodsPage(screen) {
  const periods = await get('/api/ledger/periods');
  const open = periods.filter(p => !p.isClosed);
  const next = open[0]?.period;
  const out = h('div', { id: 'period-out' });
  const closeMonth = period => confirmIn(out,
    `确认对 ${period} 月末结账？结账将按本月收入提取风险基金并生成余额快照，此后任何凭证都不能再记入 ${period}。结账不能撤销。`,
    `确认结账 ${period}`, async () => {
      const result = await post(`/api/ledger/periods/${period}/close`);
      await periodsPage(screen);
      const note = document.getElementById('period-out');
      fill(note, h('div', { class: 'ok', role: 'status' }, `${period} 已结账：本月收入 ${money(result.income)} 元，提取风险基金 ${money(result.riskReserve)} 元`,
        result.reserveEntryNumber ? `（凭证 ${result.reserveEntryNumber}）` : '', '。'));
      return false;
    });
  const list = table([
    ['会计期间', p => p.period], ['状态', p => (p.isClosed ? '已结账' : tag('未结账', false))], ['结账时间', p => dateTime(p.closedUtc)],
    ['结账人', p => p.closedBy || ''],
    ['', p => (p.period === next ? h('button', { type: 'button', class: 'primary', dataset: { action: 'close', period: p.period },
      onclick: () => closeMonth(p.period) }, `结账 ${p.period}`) : '')],
  ], periods, { id: 'periods', empty: '尚无记账的月份' });
  const other = apiForm({
    id: 'close-form', submit: '结账', buttonId: 'close-other',
    fields: [field('结账月份', monthInput('period', next, 'close-period'))],
    action: async values => closeMonth(values.period),
  });
  fill(screen, h('h1', {}, '月末结账'),
    h('p', { class: 'muted' }, '月份结束后按顺序结账：先结早的月份。结账后该月的账目冻结，更正记入以后的月份。'),
    next ? h('p', {}, `下一个应结账的月份：${next}。`) : h('p', {}, '所有记账的月份都已结账。'),
    out, card('会计期间', list), card('按月份结账', h('p', { class: 'muted' }, '没有凭证的月份不在上表中，也可在此结账。'), other));
}

export default [
  { path: 'admin/settlements', menu: '机构月度结算', title: '机构月度结算', roles: ['admin'], render: settlementPage },
  { path: 'admin/settlements/:period/:code', title: '机构结算单', roles: ['admin'], render: statementPage },
  { path: 'admin/periods', menu: '月末结账', title: '月末结账', roles: ['admin'], render: periodsPage },
];
