// 审计查询 (read only): the books at a date, income and expenditure, the journal and an account's movements, the pooled
// fund against the bank, the ledger's invariants, the audit trail and its chain, the year's audit downloads. Every
// screen reads the public HTTP API; nothing here writes.
import { get, download } from '../api.js';
import {
  h, fill, table, pagedList, facts, field, problem, act, money, date, dateTime, label, markErrors, progress, roleNames,
  navigate, valuesOf,
} from '../ui.js';

const AUDITORS = ['auditor', 'admin'];

/** What posted a journal entry (JournalEntry.SourceType and the postings that set it). */
const SOURCES = {
  opening: '建账', receipt: '缴费收据', 'bank-receipt': '资金到账', 'fund-year-income': '年度基金收入',
  'advance-carry-over': '预收结转', claim: '报销补偿', 'claim-payment': '报销支付', 'claim-reversal': '报销冲销',
  'claim-recovery': '报销追回', 'facility-settlement': '机构月度结算', penalty: '违约罚款', 'risk-reserve': '提取风险基金',
  'payer-payment': '支付方回款', manual: '手工记账', reversal: '冲销凭证',
};
const sourceName = code => SOURCES[code] || code;

/** The audited records' types (the entity's class name) in Chinese; an unknown type shows its name. */
const ENTITIES = {
  Claim: '报销单', ClaimLine: '报销明细', ClaimStatusChange: '报销单状态', Person: '人员', Household: '户', Membership: '户成员',
  Enrollment: '参合记录', Receipt: '缴费收据', JournalEntry: '记账凭证', JournalLine: '凭证分录', LedgerPeriod: '会计期间',
  PeriodBalance: '期末余额', LedgerAccount: '会计科目', FundYearPolicy: '补偿方案', Facility: '定点医疗机构',
  FacilityStatusChange: '机构状态', AdmissionRecord: '定点准入', FacilityContract: '服务责任书', Duty: '责任书职责',
  Inspection: '监督检查', Finding: '检查发现', FacilityClient: '机构接口账号', StaffUser: '工作人员账号', AccountLock: '账号锁定',
  Complaint: '投诉与建议', ComplaintStatusChange: '投诉办理', MonthlyDisclosure: '补偿公示', PublishedDisclosure: '已发布公示',
  DiseaseCertification: '慢性病认定', ReferralFiling: '转诊备案', CatalogueItem: '目录项目', Township: '乡镇', Village: '村',
  NumberSequence: '编号序列', RegisterImport: '花名册导入', BooksReconciliation: '对账', SyntheticCounty: '模拟数据',
};
const entityName = type => (ENTITIES[type] ? `${ENTITIES[type]}（${type}）` : type);
const ACTIONS = {
  created: '新增', updated: '修改', deleted: '删除', 'signed-in': '登录', 'sign-in-failed': '登录失败', locked: '锁定', unlocked: '解锁',
  issued: '签发', rotated: '更换密钥', disabled: '停用', imported: '导入', completed: '完成',
};
const ROLES = { ...roleNames, facility: '医疗机构', system: '系统' };
const roleName = role => ROLES[role] || role;
const DISAGREEMENTS = {
  claim_without_entry: '报销单没有记账凭证', claim_entry_mismatch: '报销单与凭证金额不符', reversal_mismatch: '冲销金额不符',
  facility_payment_mismatch: '支付凭证与机构结算不符', usage_mismatch: '年度累计使用不符', settlement_exceeds_claims: '月度结算超过报销单合计',
};



/** A filter form whose inputs take the address's values and whose submit puts them back in the address. */
function filterForm(id, path, query, fields, reload, check) {
  const form = h('form', { class: 'grid card no-print', id }, fields,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询')));
  for (const input of form.querySelectorAll('[name]')) if (query.has(input.name)) input.value = query.get(input.name);
  form.addEventListener('submit', e => {
    e.preventDefault();
    const values = valuesOf(form);
    const errors = check ? check(values) : null;
    markErrors(form, errors || {});
    if (!errors) navigate(path, values, reload);
  });
  return form;
}

const dateOrder = v => (v.from && v.to && v.from > v.to ? { to: ['截止日期不能早于起始日期'] } : null);
const entryLink = number => h('a', { href: `#/audit/journal/${encodeURIComponent(number)}`, onclick: e => e.stopPropagation() }, number);

let accounts = null;
const chart = async () => (accounts ??= await get('/api/ledger/accounts'));
const accountOptions = async blank => [h('option', { value: '' }, blank),
  ...(await chart()).map(a => h('option', { value: a.code }, `${a.code} ${a.name}`))];

/** The fund years of the books (from the accounting periods), newest first; the server's year rather than the PC's. */
async function years() {
  const periods = await get('/api/ledger/periods').catch(() => []);
  const found = [...new Set(periods.map(p => Number(String(p.period).slice(0, 4))))].filter(Boolean).sort((a, b) => b - a);
  return found.length ? found : [new Date().getFullYear()];
}

// ---- 试算平衡表 ----------------------------------------------------------------------------------------------

async function trialBalance(screen, _params, query) {
  const result = h('div');
  const form = filterForm('trial-balance-filters', 'audit/trial-balance', query,
    [field('截止日期（不填为今天）', h('input', { name: 'date', type: 'date' }))], () => load());
  async function load() {
    fill(result, h('p', { class: 'muted' }, '正在查询…'));
    try {
      const tb = await get('/api/ledger/trial-balance', { date: query.get('date') });
      fill(result,
        h('p', {}, `截至 ${date(tb.date)} 的各科目余额。`,
          h('span', { id: 'balanced', class: tb.balanced ? 'tag good' : 'tag bad' }, tb.balanced ? '借贷平衡' : '借贷不平衡')),
        h('div', { class: 'scroll' }, h('table', { id: 'trial-balance' },
          h('thead', {}, h('tr', {}, h('th', {}, '科目编码'), h('th', {}, '科目名称'), h('th', {}, '类别'),
            h('th', { class: 'num' }, '借方余额'), h('th', { class: 'num' }, '贷方余额'))),
          h('tbody', {}, tb.accounts.map(a => h('tr', {
            class: 'clickable', tabIndex: 0, dataset: { code: a.code }, title: '查看明细账',
            onclick: () => { location.hash = `#/audit/movements?account=${encodeURIComponent(a.code)}&to=${tb.date}`; },
            onkeydown: e => { if (e.key === 'Enter') e.currentTarget.click(); },
          }, h('td', {}, a.code), h('td', {}, a.name), h('td', {}, label('account_type', a.type)),
          h('td', { class: 'num debit' }, Number(a.debit) ? money(a.debit) : ''),
          h('td', { class: 'num credit' }, Number(a.credit) ? money(a.credit) : '')))),
          h('tfoot', {}, h('tr', { class: 'total', id: 'trial-balance-total' }, h('td', { colSpan: 3 }, '合计'),
            h('td', { class: 'num debit' }, money(tb.totalDebit)), h('td', { class: 'num credit' }, money(tb.totalCredit)))))));
    } catch (e) {
      fill(result, problem(e));
    }
  }
  fill(screen, h('h1', {}, '试算平衡表'), form, result);
  await load();
}

// ---- 收支表 --------------------------------------------------------------------------------------------------

async function incomeStatement(screen, _params, query) {
  const fundYears = await years();
  const result = h('div');
  const form = filterForm('income-filters', 'audit/income-statement', query, [
    field('年度', h('select', { name: 'year' }, fundYears.map(y => h('option', { value: y }, `${y} 年度`)))),
    field('月份', h('select', { name: 'month' }, h('option', { value: '' }, '全年'),
      Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1 }, `${i + 1} 月`)))),
  ], () => load());
  async function load() {
    fill(result, h('p', { class: 'muted' }, '正在查询…'));
    try {
      const s = await get('/api/ledger/income-statement', { year: query.get('year') || fundYears[0], month: query.get('month') });
      const lines = (title, items, total, id) => h('div', { class: 'card' }, h('h2', {}, title),
        table([['科目编码', l => l.code], ['科目名称', l => l.name], ['金额（元）', l => money(l.amount), 'num']], items, { id, empty: '无发生额' }),
        h('p', { class: 'total' }, `${title}合计：${money(total)} 元`));
      fill(result, h('p', {}, `期间：${s.period}`),
        lines('收入', s.income, s.totalIncome, 'income'), lines('支出', s.expenditure, s.totalExpenditure, 'expenditure'),
        h('p', { class: Number(s.surplus) < 0 ? 'problem' : 'ok', id: 'surplus' },
          `本期${Number(s.surplus) < 0 ? '超支' : '结余'}：${money(Math.abs(Number(s.surplus)))} 元（收入合计减支出合计）`));
    } catch (e) {
      fill(result, problem(e));
    }
  }
  fill(screen, h('h1', {}, '收支表'), form, result);
  await load();
}

// ---- 记账凭证 ------------------------------------------------------------------------------------------------

const entryTotal = entry => entry.lines.reduce((sum, l) => sum + Number(l.debit), 0);

async function journal(screen, _params, query) {
  back = location.hash;
  const form = filterForm('journal-filters', 'audit/journal', query, [
    field('日期自', h('input', { name: 'from', type: 'date' })),
    field('日期至', h('input', { name: 'to', type: 'date' })),
    field('科目', h('select', { name: 'account' }, await accountOptions('全部科目'))),
    field('业务来源', h('select', { name: 'sourceType' }, h('option', { value: '' }, '全部'),
      Object.entries(SOURCES).map(([code, name]) => h('option', { value: code }, name)))),
    field('来源单号（如报销单号）', h('input', { name: 'sourceId' })),
  ], () => list.reload(), dateOrder);
  const filters = Object.fromEntries(['from', 'to', 'account', 'sourceType', 'sourceId'].map(n => [n, query.get(n)]));
  const list = pagedList([
    ['凭证号', e => entryLink(e.number)],
    ['日期', e => date(e.date)],
    ['摘要', e => e.description],
    ['业务来源', e => `${sourceName(e.sourceType)} ${e.sourceId || ''}`],
    ['金额（借方合计）', e => money(entryTotal(e)), 'num'],
    ['过账人', e => e.postedBy],
  ], page => get('/api/ledger/entries', { ...filters, page, pageSize: 30 }),
  { id: 'journal', onOpen: e => { location.hash = `#/audit/journal/${encodeURIComponent(e.number)}`; }, empty: '没有符合条件的凭证' });
  fill(screen, h('h1', {}, '记账凭证'), form, list.element);
}

/** The screen an entry was opened from (the journal or an account's movements, with filters), for the entry's link back. */
let back = null;

const claimSources = ['claim', 'claim-payment', 'claim-reversal', 'claim-recovery'];

async function entry(screen, params) {
  const e = await get(`/api/ledger/entries/${encodeURIComponent(params.number)}`);
  const source = claimSources.includes(e.sourceType)
    ? [sourceName(e.sourceType), ' ', h('a', { href: `#/review/claims/${encodeURIComponent(e.sourceId)}` }, e.sourceId)]
    : e.sourceType === 'reversal' ? [sourceName(e.sourceType), '：冲销 ', entryLink(e.sourceId)]
      : `${sourceName(e.sourceType)} ${e.sourceId || ''}`;
  const debit = e.lines.reduce((s, l) => s + Number(l.debit), 0);
  const credit = e.lines.reduce((s, l) => s + Number(l.credit), 0);
  fill(screen,
    h('p', { class: 'no-print' }, h('a', { href: back || '#/audit/journal' }, '← 返回')),
    h('h1', {}, `记账凭证 ${e.number}`),
    h('div', { class: 'card' }, facts([
      ['凭证日期', date(e.date)], ['会计期间', e.period], ['摘要', e.description], ['业务来源', source],
      ['过账时间', dateTime(e.postedUtc)], ['过账人', e.postedBy],
      ...(e.reversesEntryId ? [['冲销', '本凭证冲销了另一张凭证']] : []),
      ...(e.correctsPeriod ? [['更正期间', e.correctsPeriod]] : []),
    ])),
    h('div', { class: 'scroll' }, h('table', { id: 'entry-lines' },
      h('thead', {}, h('tr', {}, ['行号', '科目编码', '科目名称', '借方', '贷方', '医疗机构'].map((t, i) => h('th', { class: i >= 3 && i <= 4 ? 'num' : null }, t)))),
      h('tbody', {}, e.lines.map(l => h('tr', {},
        h('td', {}, l.lineNo), h('td', {}, h('a', { href: `#/audit/movements?account=${encodeURIComponent(l.accountCode)}&to=${e.date}` }, l.accountCode)),
        h('td', {}, l.accountName), h('td', { class: 'num' }, Number(l.debit) ? money(l.debit) : ''),
        h('td', { class: 'num' }, Number(l.credit) ? money(l.credit) : ''), h('td', {}, l.facilityCode || '')))),
      h('tfoot', {}, h('tr', { class: 'total' }, h('td', { colSpan: 3 }, '合计'), h('td', { class: 'num' }, money(debit)),
        h('td', { class: 'num' }, money(credit)), h('td', {}, Math.round(debit * 100) === Math.round(credit * 100) ? '借贷相等' : '借贷不等'))))));
}

// ---- 明细账 --------------------------------------------------------------------------------------------------

async function movements(screen, _params, query) {
  back = location.hash;
  const result = h('div');
  const form = filterForm('movement-filters', 'audit/movements', query, [
    field('科目', h('select', { name: 'account', required: true }, await accountOptions('请选择科目'))),
    field('日期自（不填为 1 月 1 日）', h('input', { name: 'from', type: 'date' })),
    field('日期至（不填为今天）', h('input', { name: 'to', type: 'date' })),
    field('医疗机构编码（可不填）', h('input', { name: 'facility' })),
  ], () => load(), v => (!v.account ? { account: ['请选择科目'] } : dateOrder(v)));
  async function load() {
    const code = query.get('account');
    if (!code) return fill(result, h('p', { class: 'muted' }, '请选择科目后查询。'));
    fill(result, h('p', { class: 'muted' }, '正在查询…'));
    try {
      const m = await get(`/api/ledger/accounts/${encodeURIComponent(code)}/movements`,
        { from: query.get('from'), to: query.get('to'), facility: query.get('facility') });
      fill(result, h('h2', {}, `${m.code} ${m.name}：${date(m.from)} 至 ${date(m.to)}`),
        h('div', { class: 'scroll' }, h('table', { id: 'movements' },
          h('thead', {}, h('tr', {}, ['日期', '凭证号', '摘要', '借方', '贷方', '余额', '医疗机构'].map((t, i) => h('th', { class: i >= 3 && i <= 5 ? 'num' : null }, t)))),
          h('tbody', {},
            h('tr', { class: 'total' }, h('td', {}, date(m.from)), h('td', {}), h('td', {}, '期初余额'), h('td', {}), h('td', {}),
              h('td', { class: 'num' }, money(m.opening)), h('td', {})),
            m.movements.map(x => h('tr', {}, h('td', {}, date(x.date)), h('td', {}, entryLink(x.number)), h('td', {}, x.description),
              h('td', { class: 'num' }, Number(x.debit) ? money(x.debit) : ''), h('td', { class: 'num' }, Number(x.credit) ? money(x.credit) : ''),
              h('td', { class: 'num' }, money(x.balance)), h('td', {}, x.facilityCode || ''))),
            h('tr', { class: 'total' }, h('td', {}, date(m.to)), h('td', {}), h('td', {}, '期末余额'), h('td', {}), h('td', {}),
              h('td', { class: 'num' }, money(m.closing)), h('td', {}))))),
        m.movements.length === 0 ? h('p', { class: 'muted' }, '期间内没有发生额。') : null);
    } catch (e) {
      fill(result, problem(e));
    }
  }
  fill(screen, h('h1', {}, '明细账'), form, result);
  await load();
}

// ---- 统筹基金核对 --------------------------------------------------------------------------------------------

async function pooledFund(screen, _params, query) {
  const result = h('div');
  const form = filterForm('pooled-filters', 'audit/pooled-fund', query,
    [field('日期（不填为今天）', h('input', { name: 'date', type: 'date' }))], () => load());
  async function load() {
    fill(result, h('p', { class: 'muted' }, '正在查询…'));
    try {
      const p = await get('/api/ledger/pooled-fund', { date: query.get('date') });
      fill(result,
        h('div', { class: p.reconciled ? 'ok' : 'problem', id: 'pooled-reconciled' }, p.reconciled
          ? `截至 ${date(p.date)}：专户存款加应收款减应付款，与统筹基金、风险基金和家庭账户之和相符。`
          : `截至 ${date(p.date)}：专户与基金账面不符，请核查记账凭证和对账结果。`),
        p.state === 'warning' ? h('div', { class: 'problem', id: 'pooled-warning' }, h('strong', {}, '基金预警：'), p.warning) : null,
        h('div', { class: 'card' }, facts([
          ['基金专户存款', `${money(p.bank)} 元`], ['应收款', `${money(p.receivables)} 元`],
          ['其中：应收大病保险', `${money(p.catastrophicReceivable)} 元`], ['其中：应收医疗救助', `${money(p.assistanceReceivable)} 元`],
          ['应付款', `${money(p.payables)} 元`], ['风险基金', `${money(p.riskReserve)} 元`],
          ['统筹基金可用余额', `${money(p.pooledFund)} 元`], ['状态', p.state === 'ok' ? '正常' : '预警'],
        ])));
    } catch (e) {
      fill(result, problem(e));
    }
  }
  fill(screen, h('h1', {}, '统筹基金与专户核对'), form, result);
  await load();
}

// ---- 账务核对 ------------------------------------------------------------------------------------------------

async function checks(screen) {
  const invariant = h('div', { class: 'card', id: 'invariant' }, h('h2', {}, '账务不变量'), h('p', { class: 'muted' }, '正在检查…'));
  const books = h('div', { class: 'card', id: 'reconciliation' }, h('h2', {}, '账实对账'), h('p', { class: 'muted' }, '正在核对…'));
  const again = h('button', { type: 'button', onclick: e => act(e.currentTarget, null, run) }, '重新检查');
  fill(screen, h('h1', {}, '账务核对'),
    h('p', { class: 'muted' }, '检查每张凭证借贷相等、科目余额与分录一致，并核对账簿与报销单、缴费和支付记录。'),
    h('div', { class: 'actions no-print' }, again), invariant, books);
  async function run() {
    await Promise.all([
      get('/api/ledger/invariant').then(r => fill(invariant, h('h2', {}, '账务不变量'),
        h('div', { class: r.holds ? 'ok' : 'problem' }, r.holds ? '成立：所有凭证借贷相等，余额与分录一致。' : '不成立：账簿存在以下问题。'),
        facts([
          ['借方发生额合计', `${money(r.totalDebit)} 元`], ['贷方发生额合计', `${money(r.totalCredit)} 元`],
          ['借贷不等的凭证', `${r.unbalancedEntries} 张`], ['分录少于两行的凭证', `${r.entriesWithFewerThanTwoLines} 张`],
          ['与分录不一致的期末余额', r.inconsistentSnapshots.length ? r.inconsistentSnapshots.join('、') : '无'],
        ])), e => fill(invariant, h('h2', {}, '账务不变量'), problem(e))),
      get('/api/ledger/reconciliation').then(r => fill(books, h('h2', {}, '账实对账'),
        h('div', { class: r.agrees ? 'ok' : 'problem' }, r.agrees ? '相符：账簿与业务记录一致。' : `不符：发现 ${r.disagreements.length} 处差异。`),
        facts([
          ['核对时间', dateTime(r.atUtc)], ['核对报销单', `${r.claimsChecked} 张`],
          ['核对参合记录', `${r.enrollmentsChecked} 条`], ['核对月度结算', `${r.settlementsChecked} 笔`],
        ]),
        r.disagreements.length ? table([
          ['差异类型', d => DISAGREEMENTS[d.kind] || d.kind], ['记录', d => d.record], ['说明', d => d.detail],
        ], r.disagreements, { id: 'disagreements' }) : null), e => fill(books, h('h2', {}, '账实对账'), problem(e))),
    ]);
  }
  await run();
}

// ---- 审计日志 ------------------------------------------------------------------------------------------------

/** A record's before and after as one row per field that is in either, changed fields marked. */
function changes(record) {
  const parse = text => {
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      return { '（原文）': text };
    }
  };
  const before = parse(record.before);
  const after = parse(record.after);
  const show = v => (v === undefined ? '' : v === null ? '（空）' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (Array.isArray(after) || Array.isArray(before)) {
    return h('pre', { class: 'json' }, JSON.stringify(after ?? before, null, 2));
  }
  const names = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])];
  const changed = n => before && after && show(before[n]) !== show(after[n]);
  return h('div', { class: 'scroll' }, h('table', { id: 'audit-changes' },
    h('thead', {}, h('tr', {}, h('th', {}, '字段'), h('th', {}, '修改前'), h('th', {}, '修改后'))),
    h('tbody', {}, names.length === 0 ? h('tr', {}, h('td', { colSpan: 3, class: 'muted' }, '没有内容'))
      : names.map(n => h('tr', { class: changed(n) ? 'changed' : null }, h('td', {}, n), h('td', {}, show(before?.[n])),
        h('td', {}, show(after?.[n])))))));
}

async function trail(screen, _params, query) {
  const detail = h('div', { id: 'audit-detail' });
  const form = filterForm('audit-filters', 'audit/trail', query, [
    field('对象类型', h('input', { name: 'entityType', list: 'audit-entity-types', placeholder: '如 Claim（报销单）' })),
    field('对象标识', h('input', { name: 'entityId' })),
    field('操作人（登录名）', h('input', { name: 'actor' })),
  ], () => list.reload());
  const filters = Object.fromEntries(['entityType', 'entityId', 'actor'].map(n => [n, query.get(n)]));
  const list = pagedList([
    ['编号', r => r.id, 'num'],
    ['时间', r => dateTime(r.atUtc)],
    ['操作人', r => `${r.actor}${r.actorRole ? `（${roleName(r.actorRole)}）` : ''}`],
    ['对象', r => entityName(r.entityType)],
    ['对象标识', r => r.entityId],
    ['操作', r => ACTIONS[r.action] || r.action],
    ['链序号', r => (r.seq ?? '未封存'), 'num'],
  ], page => get('/api/audit/records', { ...filters, page, pageSize: 30 }), {
    id: 'audit-records', empty: '没有符合条件的审计记录',
    onOpen: r => {
      fill(detail, h('div', { class: 'card' }, h('h2', {}, `审计记录 ${r.id}：${entityName(r.entityType)} ${ACTIONS[r.action] || r.action}`),
        facts([
          ['时间', dateTime(r.atUtc)], ['操作人', r.actor], ['角色', r.actorRole ? roleName(r.actorRole) : ''], ['对象标识', r.entityId],
          ['关联请求号', r.correlationId || ''], ['链序号', r.seq ?? '尚未封存'], ['哈希', r.hash || ''],
        ]), h('h3', {}, '内容变化'), changes(r)));
      detail.scrollIntoView({ block: 'nearest' });
    },
  });
  fill(screen, h('h1', {}, '审计日志'),
    h('p', { class: 'muted' }, '谁在何时修改了什么。点击一行查看修改前后的内容。'),
    form, h('datalist', { id: 'audit-entity-types' }, Object.entries(ENTITIES).map(([type, name]) => h('option', { value: type }, name))),
    list.element, detail);
}

async function verify(screen) {
  const result = h('div', { id: 'chain-result' });
  const bar = progress('');
  bar.element.hidden = true;
  const button = h('button', { type: 'button', class: 'primary', id: 'verify' }, '校验审计链');
  button.addEventListener('click', () => act(button, result, async () => {
    bar.element.hidden = false;
    bar.set(null, '正在重新计算哈希链，记录多时需要几分钟…');
    try {
      const v = await get('/api/audit/verify');
      const good = v.lastGoodCheckpoint;
      fill(result, v.intact
        ? h('div', { class: 'ok', id: 'chain-intact' },
          h('strong', {}, '审计链完整'), h('div', {}, `已校验 ${v.verified} 条已封存记录，与 ${v.checkpoints} 个库外检查点相符。`
            + `${v.unsealed > 0 ? `另有 ${v.unsealed} 条新记录尚未封存（系统稍后自动封存，届时再校验）。` : ''}用时 ${Number(v.seconds).toFixed(1)} 秒。`))
        : h('div', { class: 'problem', id: 'chain-broken' },
          h('strong', {}, '审计链已断开'),
          h('div', {}, v.firstBroken ? `断开位置：${v.firstBroken.seq ? `第 ${v.firstBroken.seq} 条` : '链尾'}`
            + `${v.firstBroken.recordId ? `（审计记录编号 ${v.firstBroken.recordId}）` : ''}。原因：${v.firstBroken.reason}` : '原因不明'),
          h('div', {}, `断开之前已校验 ${v.verified} 条记录。`),
          good ? h('div', {}, `最后一个相符的检查点：第 ${good.seq} 条，${dateTime(good.atUtc)}。此前的记录可信，之后的记录须核查。`)
            : h('div', {}, '没有相符的检查点。'),
          h('div', {}, '请立即报告系统管理员和审计负责人，保留数据库和检查点文件，不要修改数据。')));
      bar.set(1, '校验完成');
    } catch (e) {
      bar.element.hidden = true;
      throw e;
    }
  }));
  fill(screen, h('h1', {}, '审计链校验'),
    h('p', { class: 'muted' }, '重新计算全部审计记录的哈希链，并与数据库之外保存的检查点比对：记录被删除、篡改或插入都会被发现。'),
    h('div', { class: 'actions' }, button, bar.element), result);
}

// ---- 年度审计下载 ---------------------------------------------------------------------------------------------

async function downloads(screen) {
  const fundYears = await years();
  const year = h('select', { name: 'year', id: 'download-year' }, fundYears.map(y => h('option', { value: y }, `${y} 年度`)));
  const item = (id, title, text, path) => {
    const out = h('div');
    const bar = progress('');
    bar.set(0, '尚未下载');
    const button = h('button', { type: 'button', class: 'primary', id }, title);
    button.addEventListener('click', () => act(button, out, async () => {
      bar.set(0, '正在下载…');
      try {
        const size = await download(path, { year: year.value }, null, (fraction, received) =>
          bar.set(fraction, fraction === null ? `正在下载… 已接收 ${(received / 1024).toFixed(0)} KB` : `正在下载… ${Math.round(fraction * 100)}%`));
        bar.set(1, `下载完成：${year.value} 年度，${(size / 1024).toFixed(1)} KB`);
      } catch (e) {
        bar.set(0, '下载失败');
        throw e;
      }
    }));
    return h('div', { class: 'card', id: `${id}-card` }, h('h2', {}, title), h('p', { class: 'muted' }, text),
      h('div', { class: 'actions' }, button, bar.element), out);
  };
  fill(screen, h('h1', {}, '年度审计下载'), h('div', { class: 'grid card' }, field('年度', year)),
    item('download-workbook', '审计工作簿（Excel）',
      '各科目余额、逐月收支、按补偿类别和机构级别的报销与账簿核对、对账结果和审计链检查点，一个工作簿。',
      '/api/ledger/audit-workbook.xlsx'),
    item('download-journal', '年度凭证流水（CSV）', '该年度全部记账凭证的每一行分录，逗号分隔，可用 Excel 打开。', '/api/ledger/journal.csv'));
}

export default [
  { path: 'audit/trial-balance', menu: '试算平衡表', title: '试算平衡表', roles: AUDITORS, render: trialBalance },
  { path: 'audit/income-statement', menu: '收支表', title: '收支表', roles: AUDITORS, render: incomeStatement },
  { path: 'audit/journal', menu: '记账凭证', title: '记账凭证', roles: AUDITORS, render: journal },
  { path: 'audit/journal/:number', title: '记账凭证', roles: AUDITORS, render: entry },
  { path: 'audit/movements', menu: '明细账', title: '明细账', roles: AUDITORS, render: movements },
  { path: 'audit/pooled-fund', menu: '统筹基金核对', title: '统筹基金与专户核对', roles: AUDITORS, render: pooledFund },
  { path: 'audit/checks', menu: '账务核对', title: '账务核对', roles: AUDITORS, render: checks },
  { path: 'audit/trail', menu: '审计日志', title: '审计日志', roles: AUDITORS, render: trail },
  { path: 'audit/verify', menu: '审计链校验', title: '审计链校验', roles: AUDITORS, render: verify },
  { path: 'audit/downloads', menu: '年度审计下载', title: '年度审计下载', roles: AUDITORS, render: downloads },
];
