// 经办窗口 — paper claims: enter one as it is handed over the counter (keyboard first), print the notice of missing
// documents, record them, print the settlement statement, record the payment; and find claims.
import { get, getText, post, download, newKey } from '../api.js';
import { settlementCard } from './settlement.js';
import { h, fill, field, problem, act, table, pagedList, facts, money, date, dateTime, today, label, options, print, suggest, toast } from '../ui.js';

const go = hash => { location.hash = hash; };
const cents = value => Math.round(Number(value) * 100);
const parseAmount = text => (/^\d+(\.\d{1,2})?$/.test(text.trim()) ? Number(text) : null);

function lineRow(onChange, focusNext) {
  const code = h('input', { name: 'code', placeholder: '编码或名称', size: 14 });
  const name = h('input', { name: 'name', placeholder: '项目名称', size: 18 });
  const quantity = h('input', { name: 'quantity', inputMode: 'decimal', size: 6 });
  const unitPrice = h('input', { name: 'unitPrice', inputMode: 'decimal', size: 8 });
  const amount = h('input', { name: 'amount', inputMode: 'decimal', size: 10, required: true });
  const status = h('select', { name: 'status' }, options('catalogue_status', { blank: '按目录' }));
  const note = h('span', { class: 'field-error' });
  const row = h('tr', { class: 'line', dataset: { rowOf: 'lines' } });
  const check = () => {
    note.textContent = '';
    amount.removeAttribute('aria-invalid');
    const q = quantity.value.trim() ? Number(quantity.value) : null;
    const p = unitPrice.value.trim() ? parseAmount(unitPrice.value) : null;
    if (amount.value.trim() === '' && q !== null && p !== null) amount.value = (Math.round(q * p * 100) / 100).toFixed(2);
    const a = parseAmount(amount.value);
    if (amount.value.trim() !== '' && (a === null || a <= 0)) note.textContent = '金额须为正数，最多两位小数';
    else if (a !== null && q !== null && p !== null && Math.abs(cents(a) - Math.round(q * p * 100)) > 0) note.textContent = `数量×单价＝${(q * p).toFixed(2)}，与金额不符`;
    if (note.textContent) amount.setAttribute('aria-invalid', 'true');
    onChange();
  };
  for (const input of [quantity, unitPrice, amount]) input.addEventListener('input', check);
  [quantity, unitPrice].forEach(i => i.addEventListener('change', () => { if (!amount.dataset.typed) amount.value = ''; check(); }));
  amount.addEventListener('keydown', e => { amount.dataset.typed = '1'; if (e.key === 'Enter' && !e.ctrlKey) { e.preventDefault(); focusNext(row); } });
  const found = suggest(code, async text => (await get('/api/catalogue', { q: text, pageSize: 10 })).items,
    item => `${item.code} ${item.name}（${label('catalogue_status', item.status)}）`,
    item => { code.value = item.code; name.value = item.name; status.value = ''; quantity.focus(); });
  fill(row, h('td', {}, found), h('td', {}, name), h('td', {}, quantity), h('td', {}, unitPrice), h('td', {}, amount, note), h('td', {}, status),
    h('td', {}, h('button', { type: 'button', tabIndex: -1, title: '删除此行', onclick: () => { row.remove(); onChange(); } }, '×')));
  row.read = () => ({
    code: code.value.trim() || null, name: name.value.trim() || null,
    quantity: quantity.value.trim() ? Number(quantity.value) : null, unitPrice: unitPrice.value.trim() ? Number(unitPrice.value) : null,
    amount: amount.value.trim() === '' ? null : Number(amount.value), status: status.value || null,
  });
  row.valid = () => !note.textContent && parseAmount(amount.value) !== null;
  return row;
}

/** 录入纸质报销: the whole claim on one screen; Enter in an amount adds a line, Ctrl+Enter submits. */
async function enter(screen, _params, query) {
  let key = newKey(); // one key per claim entered: a resubmission after a lost answer is the same claim
  const out = h('div', { id: 'claim-out' });
  const patientInfo = h('div', { id: 'patient-info', class: 'muted' }, '输入身份证号或医疗证号后按 Tab 查询参合资格');
  const idNumber = h('input', { name: 'idNumber', maxLength: 18, value: query.get('id') || '', autofocus: true });
  const cardNumber = h('input', { name: 'cardNumber', maxLength: 16 });
  const patientName = h('input', { name: 'patientName' });
  const visitType = h('select', { name: 'visitType' }, options('visit_type', { only: ['inpatient', 'outpatient'] }));
  const admissionDate = h('input', { type: 'date', name: 'admissionDate', required: true });
  const dischargeDate = h('input', { type: 'date', name: 'dischargeDate', required: true, max: today() });
  const referred = h('input', { type: 'checkbox', name: 'referred' });
  const diagnosisCode = h('input', { name: 'diagnosisCode', placeholder: 'ICD-10 编码或疾病名称', required: true });
  const diagnosisName = h('span', { class: 'muted', id: 'diagnosis-name' });
  const invoiceNumber = h('input', { name: 'invoiceNumber', required: true });
  const inCounty = h('input', { type: 'radio', name: 'where', value: 'in', checked: true });
  const outside = h('input', { type: 'radio', name: 'where', value: 'out' });
  const facilityCode = h('input', { name: 'facilityCode', placeholder: '机构编码或名称' });
  const facilityName = h('input', { name: 'facilityName', placeholder: '县外机构名称', disabled: true });
  const facilityLevel = h('select', { name: 'facilityLevel', disabled: true }, options('facility_level', { only: ['outside_county', 'county', 'township', 'village'] }));
  const chosenFacility = h('span', { class: 'muted', id: 'facility-chosen' });
  const lines = h('tbody', { id: 'claim-lines' });
  const total = h('strong', { id: 'claim-total' }, '0.00');
  const documents = h('div', { class: 'actions', id: 'documents' });
  const form = h('form', { id: 'claim-form', novalidate: true });

  const recount = () => {
    const sum = [...lines.rows].reduce((s, r) => s + (parseAmount(r.read().amount === null ? '' : String(r.read().amount)) === null ? 0 : cents(r.read().amount)), 0);
    total.textContent = money(sum / 100);
  };
  const addLine = () => { const row = lineRow(recount, next); lines.append(row); return row; };
  const next = row => {
    const following = row.nextElementSibling ?? addLine();
    following.querySelector('[name=code]').focus();
  };
  const required = () => ['id_card', 'invoices', 'itemized_list', ...(visitType.value === 'inpatient' ? ['discharge_summary'] : []),
    ...(referred.checked ? ['referral_form'] : [])];
  const drawDocuments = () => {
    const ticked = new Set([...documents.querySelectorAll('input:checked')].map(i => i.value));
    fill(documents, h('span', { class: 'muted' }, '已交材料：'), options('required_document').filter(o => o.value).map(o => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'providedDocuments', value: o.value, checked: ticked.has(o.value) }),
      o.textContent + (required().includes(o.value) ? '（必需）' : ''))));
  };
  const where = () => {
    const isOut = outside.checked;
    facilityCode.disabled = isOut;
    facilityName.disabled = !isOut;
    facilityLevel.disabled = !isOut;
  };
  inCounty.addEventListener('change', where);
  outside.addEventListener('change', where);
  visitType.addEventListener('change', () => {
    if (visitType.value === 'outpatient' && admissionDate.value) dischargeDate.value = admissionDate.value;
    drawDocuments();
  });
  referred.addEventListener('change', drawDocuments);
  admissionDate.addEventListener('change', () => { if (visitType.value === 'outpatient') dischargeDate.value = admissionDate.value; });

  const lookUp = async () => {
    const byId = idNumber.value.trim();
    const byCard = cardNumber.value.trim();
    if (!byId && !byCard) return;
    try {
      const answer = await get('/api/coverage', { idNumber: byId || undefined, cardNumber: byId ? undefined : byCard, date: admissionDate.value || undefined });
      if (answer.members) {
        fill(patientInfo, h('span', {}, '选择就诊人：'), answer.members.map(m => h('button', {
          type: 'button', onclick: () => { idNumber.value = m.idNumber; patientName.value = m.name; lookUp(); },
        }, `${m.name}${m.covered ? '' : '（未参合）'}`)));
        return;
      }
      patientName.value = answer.name ?? patientName.value;
      fill(patientInfo, h('span', { class: answer.covered ? 'ok' : 'problem' }, answer.covered
        ? `${answer.name}：${answer.fundYear} 年度已参合；住院剩余 ${money(answer.remaining?.inpatient)} 元，门诊剩余 ${money(answer.remaining?.outpatient)} 元`
        : `${answer.name ?? ''}：${answer.message ?? '未参合'}`));
    } catch (e) {
      fill(patientInfo, problem(e));
    }
  };
  idNumber.addEventListener('change', lookUp);
  cardNumber.addEventListener('change', lookUp);

  const diagnosis = suggest(diagnosisCode, async text => get('/api/reference/diagnoses', { q: text, limit: 10 }), d => `${d.code} ${d.name}`,
    d => { diagnosisCode.value = d.code; diagnosisName.textContent = d.name; invoiceNumber.focus(); });
  const facility = suggest(facilityCode, async text => (await get('/api/facilities', { q: text, pageSize: 10 })).items,
    f => `${f.code} ${f.name}（${f.levelName}，${f.statusName}）`,
    f => { facilityCode.value = f.code; chosenFacility.textContent = `${f.name}（${f.levelName}）`; visitType.focus(); });

  const collect = () => ({
    idNumber: idNumber.value.trim() || null, cardNumber: cardNumber.value.trim() || null, patientName: patientName.value.trim() || null,
    visitType: visitType.value, admissionDate: admissionDate.value || null, dischargeDate: dischargeDate.value || null,
    diagnosisCode: diagnosisCode.value.trim().toUpperCase() || null, referred: referred.checked, invoiceNumber: invoiceNumber.value.trim() || null,
    lines: [...lines.rows].map(r => r.read()).filter(l => l.amount !== null || l.code),
    facilityCode: inCounty.checked ? facilityCode.value.trim() || null : null,
    facilityName: outside.checked ? facilityName.value.trim() || null : null,
    facilityLevel: outside.checked ? facilityLevel.value : null,
    providedDocuments: [...documents.querySelectorAll('input:checked')].map(i => i.value),
  });
  const submit = submitter => {
    if ([...lines.rows].some(r => !r.valid() && (r.read().amount !== null || r.read().code))) {
      fill(out, h('div', { class: 'problem' }, '费用明细有金额不对的行，请改正后再提交'));
      return;
    }
    act(submitter, out, async () => {
      const claim = await post('/api/claims/window', collect(), key);
      key = newKey();
      toast(claim.status === 'pending_documents' ? '已受理，材料不全' : `${claim.statusText}：合计支付 ${money(claim.payout)} 元`);
      go(`#/window/claims/${claim.number}`);
    }, form);
  };
  form.addEventListener('submit', e => { e.preventDefault(); submit(e.submitter); });
  form.addEventListener('keydown', e => { if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); submit(form.querySelector('#submit-claim')); } });

  fill(form,
    h('div', { class: 'card' }, h('h2', {}, '就诊人'),
      h('div', { class: 'grid' }, field('身份证号', idNumber), field('或 医疗证号', cardNumber), field('姓名', patientName)), patientInfo),
    h('div', { class: 'card' }, h('h2', {}, '就诊信息'),
      h('div', { class: 'actions' }, h('label', { class: 'check' }, inCounty, '县内定点医疗机构'), h('span', {}, facility), chosenFacility,
        h('label', { class: 'check' }, outside, '县外或非定点机构'), facilityName, facilityLevel),
      h('div', { class: 'grid' }, field('就诊类型', visitType), field('入院（就诊）日期', admissionDate), field('出院日期', dischargeDate),
        h('label', { class: 'check' }, referred, '经转诊'), h('label', { dataset: { field: 'diagnosisCode' } }, '诊断（ICD-10）', diagnosis, diagnosisName),
        field('发票号', invoiceNumber))),
    h('div', { class: 'card' }, h('h2', {}, '费用明细'),
      h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ['项目编码', '名称', '数量', '单价', '金额（元）', '目录类别', ''].map(t => h('th', {}, t)))), lines)),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'add-line', onclick: () => addLine().querySelector('[name=code]').focus() }, '添加一行'),
        h('span', {}, '合计：', total, ' 元'), h('span', { class: 'muted' }, '金额栏按 Enter 换下一行'))),
    h('div', { class: 'card' }, h('h2', {}, '报销材料'), documents),
    h('div', { class: 'actions' }, h('button', { class: 'primary', id: 'submit-claim' }, '提交结算'), h('span', { class: 'muted' }, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' 提交')),
    out);
  addLine();
  drawDocuments();
  fill(screen, h('h1', {}, '录入纸质报销（一站式窗口）'), form);
  idNumber.focus();
  if (idNumber.value) lookUp();
}

function noticeDocument(c) {
  return h('div', { class: 'doc', id: 'notice-doc' },
    h('h1', {}, '新型农村合作医疗报销补件通知'),
    h('p', {}, `${c.patientName}（身份证号 ${c.idNumber}）：`),
    h('p', {}, `您于 ${date(c.admissionDate)} 在 ${c.facilityName} 就诊的报销申请（单号 ${c.number}，发票号 ${c.invoiceNumber}）已受理，尚缺以下材料：`),
    h('ol', { id: 'notice-missing' }, c.missingDocuments.map(d => h('li', {}, label('required_document', d)))),
    h('p', {}, '请备齐上述材料后携带本通知到经办窗口补交，补齐后当场结算。'),
    h('div', { class: 'sign' }, h('span', {}, '经办机构（盖章）：'), h('span', {}, `日期：${today()}`)));
}

/** The server's own statement (GET …/statement.html), its tables taken as nodes: what prints is what the API states. */
async function statementDocument(number) {
  const answer = await getText(`/api/claims/${number}/statement.html`);
  const parsed = new DOMParser().parseFromString(answer, 'text/html');
  parsed.querySelectorAll('script, style, link, button, iframe, object').forEach(e => e.remove());
  parsed.querySelectorAll('*').forEach(e => [...e.attributes].forEach(a => { if (a.name.startsWith('on') || a.name === 'style') e.removeAttribute(a.name); }));
  return h('div', { class: 'doc', id: 'statement-doc' }, [...parsed.body.childNodes].map(n => document.adoptNode(n)));
}

async function claim(screen, { number }) {
  const c = await get(`/api/claims/${number}`);
  const out = h('div', { id: 'claim-action-out' });
  const reload = () => claim(screen, { number });
  const parts = [h('h1', {}, `报销单 ${c.number}`),
    h('div', { class: c.status === 'rejected' ? 'problem' : c.status === 'pending_documents' ? 'problem' : 'ok', id: 'claim-status' },
      h('strong', {}, `状态：${c.statusText}`), c.notice ? h('div', {}, c.notice) : null),
    facts([['就诊人', c.patientName], ['身份证号', c.idNumber], ['医疗机构', `${c.facilityName}（${label('facility_level', c.facilityLevel)}）`],
      ['补偿类别', c.benefitText], ['就诊日期', `${date(c.admissionDate)} 至 ${date(c.dischargeDate)}`], ['诊断', c.diagnosisCode],
      ['发票号', c.invoiceNumber], ['医疗总费用', money(c.total)], ['基金补偿', money(c.fundPays)], ['大病保险', money(c.catastrophicPays)],
      ['医疗救助', money(c.assistancePays)], ['合计支付', money(c.payout)], ['个人自付', money(c.patientPays)],
      ['支付方式', c.paymentMethod ? label('payment_method', c.paymentMethod) : '未支付']])];

  if (c.status === 'pending_documents') {
    const docs = h('form', { id: 'documents-form', class: 'card' }, h('h2', {}, '补交材料'),
      h('div', { class: 'actions' }, c.missingDocuments.map(d => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'providedDocuments', value: d }), label('required_document', d)))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'print-notice', onclick: () => print(noticeDocument(c)) }, '打印补件通知'),
        h('button', { class: 'primary', id: 'add-documents' }, '补交并结算')));
    docs.addEventListener('submit', e => {
      e.preventDefault();
      const provided = [...docs.querySelectorAll('input:checked')].map(i => i.value);
      act(e.submitter, out, async () => {
        const after = await post(`/api/claims/${number}/documents`, { providedDocuments: provided });
        toast(after.status === 'pending_documents' ? '材料仍不齐全' : `${after.statusText}：合计支付 ${money(after.payout)} 元`);
        await reload();
      }, docs);
    });
    parts.push(docs);
  }
  if (c.settlement) {
    parts.push(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'print-statement', onclick: e => act(e.target, out, async () => print(await statementDocument(number))) }, '打印结算单'),
      h('button', { type: 'button', onclick: e => act(e.target, out, () => download(`/api/claims/${number}/statement.xlsx`, {}, `结算单-${number}.xlsx`)) }, '下载结算单 Excel')));
  }
  if (c.status === 'settled' && c.channel === 'window' && !c.paymentMethod) {
    const method = h('select', { name: 'method' }, options('payment_method'));
    const account = h('input', { name: 'account', placeholder: '转账时填写银行账号' });
    const pay = h('form', { id: 'pay-form', class: 'card' }, h('h2', {}, `支付补偿款 ${money(c.payout)} 元`),
      h('div', { class: 'grid' }, field('支付方式', method), field('收款账号', account), h('button', { class: 'primary', id: 'pay' }, '确认支付')));
    pay.addEventListener('submit', e => {
      e.preventDefault();
      act(e.submitter, out, async () => {
        await post(`/api/claims/${number}/pay`, { method: method.value, account: account.value.trim() || null });
        toast('已记录支付');
        await reload();
      }, pay);
    });
    parts.push(pay);
  }
  parts.push(out, settlementCard(c), h('h2', {}, '费用明细'),
    table([['序号', l => l.lineNo], ['编码', l => l.code], ['名称', l => l.name], ['数量', l => l.quantity ?? '', 'num'], ['单价', l => money(l.unitPrice), 'num'],
      ['金额', l => money(l.amount), 'num'], ['目录类别', l => label('catalogue_status', l.catalogueStatus)]], c.lines),
    h('h2', {}, '办理记录'),
    table([['时间', s => dateTime(s.atUtc)], ['状态', s => label('claim_status', s.to)], ['经办人', s => s.by], ['说明', s => s.note ?? '']],
      c.history));
  fill(screen, ...parts);
}

async function list(screen, _params, query) {
  const q = h('input', { name: 'q', placeholder: '单号、身份证号、姓名或发票号', value: query.get('q') || '' });
  const status = h('select', { name: 'status' }, options('claim_status', { blank: '全部状态' }));
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const box = h('div');
  const columns = [['单号', c => c.number], ['就诊人', c => c.patientName], ['医疗机构', c => c.facilityName], ['类别', c => label('benefit_kind', c.benefit)],
    ['出院日期', c => date(c.dischargeDate)], ['总费用', c => money(c.total), 'num'], ['合计支付', c => money(c.payout), 'num'], ['状态', c => label('claim_status', c.status)]];
  const show = () => fill(box, pagedList(columns, page => get('/api/claims', { q: q.value.trim(), status: status.value, from: from.value, to: to.value, page, pageSize: 20 }),
    { onOpen: c => go(`#/window/claims/${c.number}`), id: 'claims' }).element);
  const form = h('form', { class: 'grid', onsubmit: e => { e.preventDefault(); show(); } }, field('查询', q), field('状态', status), field('出院日期自', from),
    field('至', to), h('button', { class: 'primary' }, '查询'));
  fill(screen, h('h1', {}, '报销单查询'), form, box);
  show();
}

export default { enter, claim, list };
