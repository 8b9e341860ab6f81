// The calculation of a settled claim step by step (as the server's statement shows it), with the two identities the
// Settlement record promises checked on what is shown. Used by the reviewer's and the window's claim screens.
import { h, money, label, percent } from '../ui.js';

const bandText = b => `分段 ${money(b.from)}–${b.to === null || b.to === undefined ? '以上' : money(b.to)}：${money(b.amount)} × ${percent(b.ratio)}`;
const fen = value => Math.round(Number(value || 0) * 100);
const ordinal = n => ['一', '二', '三', '四', '五'][n - 1] || String(n);

/**
 * The calculation as the statement shows it (ClaimStatement.Steps): rows of [text, amount or null, kind], kind 'head'
 * for a payer's heading, 'result' for what a payer pays, 'note' for an explanation without an amount.
 */
function steps(s) {
  const rows = [
    ['费用总额', s.total, 'result'], ['减：目录外（自费）费用', s.excluded], ['减：乙类先行自付', s.partlySelfPaid],
    ['可报销费用', s.eligible, 'result'],
    ...(s.notes || []).map(n => [`说明：${n}`, null, 'note']),
    [`${ordinal(1)}、基本医疗基金（${label('benefit_kind', s.benefit)}${s.benefitGroupName ? `：${s.benefitGroupName}` : ''}）`, null, 'head'],
  ];
  if (s.deliverySubsidy !== null && s.deliverySubsidy !== undefined) {
    rows.push(['住院分娩定额补助（不超过可报销费用）', s.deliverySubsidy]);
    if (s.inpatientRuleAmount !== null && s.inpatientRuleAmount !== undefined) rows.push(['按住院补偿规则计算（取两者较高者）', s.inpatientRuleAmount]);
  }
  if (Number(s.deductibleApplied) > 0 || s.benefit === 'inpatient') rows.push(['减：起付线', s.deductibleApplied]);
  for (const b of s.bands || []) rows.push([bandText(b), b.payable]);
  if (Number(s.ratioReduction) > 0) rows.push([`未转诊，报销比例降低 ${percent(s.ratioReduction)}`, null, 'note']);
  rows.push(['按比例计算补偿', s.beforeCaps]);
  if (Number(s.perVisitCapApplied) > 0) rows.push(['减：超过每次封顶部分', s.perVisitCapApplied]);
  rows.push(['年度封顶线', s.annualCap], ['本次结算前年度剩余额度', s.capRemainingBefore]);
  if (Number(s.capCut) > 0) rows.push(['减：超过年度封顶部分', s.capCut]);
  rows.push(['基金支付（补偿金额）', s.reimbursement, 'result'], ['本次结算后年度剩余额度', s.capRemainingAfter]);
  (s.payers || []).forEach((p, i) => {
    rows.push([`${ordinal(i + 2)}、${p.name}`, null, 'head']);
    if (p.payer === 'catastrophic') {
      rows.push(['本次合规自付费用（可报销费用减基金支付）', p.base], ['本年度此前累计合规自付费用', p.accumulatedBefore],
        ['大病保险起付线', p.threshold]);
    } else if (p.payer === 'assistance') {
      rows.push([`救助对象类别：${label('person_category', p.category)}；剩余合规费用`, p.base]);
    } else {
      rows.push(['计算基数', p.base]);
    }
    for (const b of p.bands || []) rows.push([bandText(b), b.payable]);
    rows.push(['按比例计算', p.beforeCap], ['年度封顶线', p.annualCap], ['本次结算前年度剩余额度', p.capRemainingBefore]);
    if (Number(p.capCut) > 0) rows.push(['减：超过年度封顶部分', p.capCut]);
    rows.push([`${p.name}支付`, p.amount, 'result']);
  });
  if ((s.payers || []).length > 0) rows.push(['合计支付（各项之和）', s.payout, 'result']);
  rows.push(['个人自付', s.patientShare, 'result']);
  return rows;
}

/**
 * The two identities the Settlement record promises (Settlement.cs), checked in fen on what is shown:
 * 按比例计算 − 每次封顶 − 年度封顶 = 基金支付, and 基金支付 + 其他支付方 + 个人自付 = 费用总额.
 */
function reconciliation(s) {
  const payers = (s.payers || []).reduce((sum, p) => sum + fen(p.amount), 0);
  const checks = [
    ['按比例计算 − 超过每次封顶 − 超过年度封顶 = 基金支付',
      fen(s.beforeCaps) - fen(s.perVisitCapApplied) - fen(s.capCut) === fen(s.reimbursement)],
    [`基金支付${(s.payers || []).map(p => ` + ${p.name.replace(/（.*$/, '')}`).join('')} + 个人自付 = 费用总额`,
      fen(s.reimbursement) + payers + fen(s.patientShare) === fen(s.total)],
  ];
  return h('ul', { class: 'checks', id: 'settlement-checks' }, checks.map(([text, ok]) =>
    h('li', { class: ok ? 'good' : 'bad' }, `${ok ? '✓ 核对相符' : '✗ 核对不符'}：${text}`)));
}

export function settlementCard(c) {
  const s = c.settlement;
  if (!s) return h('div', { class: 'card' }, h('h2', {}, '计算过程'), h('p', { class: 'muted' }, c.notice || '尚未结算'));
  return h('div', { class: 'card' }, h('h2', {}, '计算过程'),
    h('table', { id: 'settlement-steps', class: 'steps' },
      h('thead', {}, h('tr', {}, h('th', {}, '计算步骤'), h('th', { class: 'num' }, '金额（元）'))),
      h('tbody', {}, steps(s).map(([text, amount, kind]) => h('tr', { class: kind || null },
        h('td', { colSpan: amount === null || amount === undefined ? 2 : 1 }, text),
        amount === null || amount === undefined ? null : h('td', { class: 'num' }, money(amount)))))),
    reconciliation(s));
}
