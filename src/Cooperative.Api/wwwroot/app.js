// The public page: plain JavaScript, no framework, nothing fetched from elsewhere.
// Rule of this file: data from the API is only ever put on the page as text (textContent, createElement),
// never as HTML, so that a complaint that reads like markup stays text.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);

  // ---- small helpers ------------------------------------------------------------------------------------

  /** A new element with its text (never HTML) and attributes. */
  function el(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    return node;
  }

  /** GET or POST JSON; answers { ok, status, body } and never throws for an HTTP error. */
  async function request(url, options) {
    try {
      const response = await fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, options));
      const type = response.headers.get('Content-Type') || '';
      const body = type.includes('json') ? await response.json() : null;
      return { ok: response.ok, status: response.status, body };
    } catch (e) {
      return { ok: false, status: 0, body: null };
    }
  }

  /** The message of a problem answer (RFC 9457), or a general one. */
  function problemMessage(result, fallback) {
    if (result.status === 0) return '网络连接失败，请检查网络后重试';
    const p = result.body || {};
    if (p.title && p.detail) return p.title + '：' + p.detail;
    return p.title || fallback;
  }

  const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat('zh-CN');
  const formatMoney = (v) => (v === null || v === undefined || v === '' ? '' : money.format(Number(v)));
  const formatCount = (v) => (v === null || v === undefined ? '' : count.format(Number(v)));
  // averageRatio is a fraction of the total cost (0.4567 → 45.67%).
  const formatRatio = (v) => (v === null || v === undefined ? '' : (Number(v) * 100).toFixed(2) + '%');

  /** Replaces a table body with one row per item; columns are functions of the item giving text. */
  function fillTable(table, items, columns, emptyText) {
    const body = table.tBodies[0];
    body.replaceChildren();
    if (!items.length) {
      const row = el('tr');
      row.append(el('td', emptyText || '暂无数据', { colspan: String(columns.length), class: 'empty' }));
      body.append(row);
      return;
    }
    for (const item of items) {
      const row = el('tr');
      for (const column of columns) row.append(el('td', column(item)));
      body.append(row);
    }
  }

  /** Replaces a definition list with label/value pairs. */
  function fillList(list, pairs) {
    list.replaceChildren();
    for (const [label, value] of pairs) list.append(el('dt', label), el('dd', value));
  }

  function fillSelect(select, values, allText) {
    const chosen = select.value;
    select.replaceChildren(el('option', allText, { value: '' }));
    for (const value of values) select.append(el('option', value, { value }));
    if (values.includes(chosen)) select.value = chosen;
  }

  // ---- tabs -----------------------------------------------------------------------------------------------

  const tabs = ['disclosure', 'facilities', 'complaints'];

  function showTab() {
    const wanted = location.hash.slice(1);
    const current = tabs.includes(wanted) ? wanted : tabs[0];
    for (const id of tabs) $(id).hidden = id !== current;
    for (const link of document.querySelectorAll('nav a[data-tab]')) {
      if (link.dataset.tab === current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  // ---- 每月补偿公示 --------------------------------------------------------------------------------------

  const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
  let disclosure = null;

  function previousMonth() {
    const now = new Date();
    const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
  }

  async function loadPublishedMonths() {
    const result = await request('/api/public/disclosures');
    const months = result.ok && Array.isArray(result.body)
      ? result.body.map((m) => m.month).filter((m) => monthPattern.test(m)).sort().reverse()
      : [];
    const holder = $('published-months');
    holder.replaceChildren();
    if (months.length) holder.append(el('span', '已发布：'));
    for (const month of months.slice(0, 12)) {
      const button = el('button', month, { type: 'button', class: 'link' });
      button.addEventListener('click', () => { $('month').value = month; loadMonth(month); });
      holder.append(button);
    }
    $('month').value = months[0] || previousMonth();
    await loadMonth($('month').value);
  }

  async function loadMonth(month) {
    const status = $('disclosure-status');
    $('disclosure-body').hidden = true;
    disclosure = null;
    if (!monthPattern.test(month)) {
      status.textContent = '请选择公示月份';
      return;
    }
    status.textContent = '正在读取……';
    const result = await request('/api/public/disclosures/' + encodeURIComponent(month));
    if (result.status === 404) {
      status.textContent = month + '：本月公示尚未发布';
      return;
    }
    if (!result.ok || !result.body) {
      status.textContent = problemMessage(result, '公示数据暂时无法读取，请稍后再试');
      return;
    }
    status.textContent = '';
    disclosure = result.body;
    renderDisclosure(month, disclosure);
  }

  function renderDisclosure(month, data) {
    $('xlsx-link').href = '/api/public/disclosures/' + encodeURIComponent(month) + '.xlsx';
    const s = data.summary || {};
    // A month published before benefit kinds and payers has none of their fields: nothing is shown for them then.
    const payers = s.patientPaid !== undefined && s.patientPaid !== null;
    fillList($('summary'), [
      ['补偿人数', formatCount(s.persons)],
      ['补偿人次', formatCount(s.visits)],
      ['医疗总费用（元）', formatMoney(s.totalCost)],
      ['基金补偿（元）', formatMoney(s.fundPaid)],
      ['平均补偿比例', formatRatio(s.averageRatio)],
    ].concat(payers ? [
      ['大病保险支付（元）', formatMoney(s.catastrophicPaid)],
      ['医疗救助支付（元）', formatMoney(s.assistancePaid)],
      ['个人自付（元）', formatMoney(s.patientPaid)],
    ] : []).concat([
      ['更正冲减（元）', formatMoney(s.correctionsFundPaid)],
      ['本月基金净支付（元）', formatMoney(s.netFundPaid)],
    ]));
    fillTable($('by-level'), s.byLevel || [], [
      (r) => r.levelName || r.level, (r) => formatCount(r.persons), (r) => formatMoney(r.totalCost), (r) => formatMoney(r.fundPaid),
    ]);
    fillTable($('by-benefit'), s.byBenefit || [], [
      (r) => r.benefitName, (r) => formatCount(r.persons), (r) => formatCount(r.visits), (r) => formatMoney(r.totalCost),
      (r) => formatMoney(r.fundPaid), (r) => formatMoney(r.catastrophicPaid), (r) => formatMoney(r.assistancePaid),
    ], '本月公示发布时尚未按补偿类别统计');
    const f = data.fund || {};
    fillList($('fund'), [
      ['本月收入（元）', formatMoney(f.income)], ['本月支出（元）', formatMoney(f.expenditure)], ['月末结余（元）', formatMoney(f.balance)],
    ]);
    const k = data.auditCheckpoint;
    fillList($('checkpoint'), k
      ? [['记录序号', formatCount(k.seq)], ['哈希', k.hash], ['签名时间（UTC）', String(k.atUtc).replace('T', ' ').slice(0, 19)],
        ['签名', k.mac], ['编制时与库内记录', k.matchesChain ? '相符' : '不符']]
      : [['检查点', '编制时尚无库外检查点']]);
    const inpatients = data.inpatients || [];
    const byVillage = data.outpatientByVillage || [];
    const byFacility = data.outpatientByFacility || [];
    const distinct = (values) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    fillSelect($('filter-village'), distinct(inpatients.map((r) => r.village).concat(byVillage.map((r) => r.village))), '全部村');
    fillSelect($('filter-facility'), distinct(inpatients.map((r) => r.facility).concat(byFacility.map((r) => r.facility))), '全部医疗机构');
    renderDetails();
    $('disclosure-body').hidden = false;
  }

  /** The detail tables, filtered by the chosen village and facility. */
  function renderDetails() {
    if (!disclosure) return;
    const village = $('filter-village').value;
    const facility = $('filter-facility').value;
    const inpatients = (disclosure.inpatients || [])
      .filter((r) => (!village || r.village === village) && (!facility || r.facility === facility));
    fillTable($('inpatients'), inpatients, [
      (r) => r.maskedName, (r) => r.gender, (r) => r.age, (r) => r.village, (r) => r.facility, (r) => r.admissionDate,
      (r) => r.dischargeDate, (r) => r.benefitName || '住院', (r) => formatMoney(r.totalCost), (r) => formatMoney(r.eligible),
      (r) => formatMoney(r.reimbursement), (r) => formatMoney(r.catastrophicPaid || 0), (r) => formatMoney(r.assistancePaid || 0),
    ], '没有符合条件的住院补偿');
    const outpatient = [(r) => formatCount(r.visits), (r) => formatMoney(r.totalCost), (r) => formatMoney(r.fundPaid)];
    fillTable($('outpatient-villages'), (disclosure.outpatientByVillage || []).filter((r) => !village || r.village === village),
      [(r) => r.village].concat(outpatient), '没有符合条件的门诊补偿');
    fillTable($('outpatient-facilities'), (disclosure.outpatientByFacility || []).filter((r) => !facility || r.facility === facility),
      [(r) => r.facility].concat(outpatient), '没有符合条件的门诊补偿');
    fillTable($('corrections'), (disclosure.corrections || [])
      .filter((r) => (!village || r.village === village) && (!facility || r.facility === facility)), [
      (r) => r.maskedName, (r) => r.village, (r) => r.facility, (r) => r.visitType, (r) => r.originalMonth,
      (r) => (r.originalRow == null ? '' : String(r.originalRow)), (r) => r.reversedOn, (r) => formatMoney(r.totalCost),
      (r) => formatMoney(r.reimbursement), (r) => formatMoney(r.catastrophicPaid || 0), (r) => formatMoney(r.assistancePaid || 0),
    ], '本月没有更正');
  }

  // ---- 定点医疗机构 ----------------------------------------------------------------------------------------

  const facilityQuery = { page: 1, pageSize: 50, level: '', township: '' };

  /** The county's name before the page's title and heading, its scheme office in the footer. */
  async function loadCounty() {
    const result = await request('/api/public/county');
    if (!result.ok || !result.body) return;
    document.title = result.body.name + document.title;
    $('site-title').textContent = document.title;
    $('office').textContent = result.body.office;
  }

  async function loadTownships() {
    const result = await request('/api/townships');
    if (!result.ok || !Array.isArray(result.body)) return;
    const select = $('facility-township');
    for (const t of result.body) select.append(el('option', t.name, { value: t.code }));
  }

  async function loadFacilities() {
    const params = new URLSearchParams({ page: String(facilityQuery.page), pageSize: String(facilityQuery.pageSize) });
    if (facilityQuery.level) params.set('level', facilityQuery.level);
    if (facilityQuery.township) params.set('township', facilityQuery.township);
    const total = $('facility-total');
    total.textContent = '正在读取……';
    const result = await request('/api/public/facilities?' + params.toString());
    if (!result.ok || !result.body) {
      total.textContent = problemMessage(result, '定点医疗机构名单暂时无法读取，请稍后再试');
      return;
    }
    const page = result.body;
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    total.textContent = '共 ' + page.total + ' 家定点医疗机构';
    fillTable($('facility-table'), page.items, [(f) => f.name, (f) => f.levelName, (f) => f.township, (f) => f.statusName],
      '没有符合条件的医疗机构');
    $('facility-page').textContent = '第 ' + page.pageNumber + ' / ' + pages + ' 页';
    $('facility-prev').disabled = page.pageNumber <= 1;
    $('facility-next').disabled = page.pageNumber >= pages;
  }

  async function loadAdmissionConditions() {
    const result = await request('/api/public/facilities/admission-conditions');
    if (!result.ok || !Array.isArray(result.body)) return;
    $('admission-conditions').replaceChildren(...result.body.map((c) => el('li', c.description)));
  }

  // ---- 投诉与建议 -----------------------------------------------------------------------------------------

  function clearErrors(form) {
    for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
  }

  /** Puts the API's field messages (problem details "errors") beside the fields; answers whether any fitted. */
  function showFieldErrors(form, errors) {
    let shown = false;
    for (const [field, messages] of Object.entries(errors || {})) {
      const target = form.querySelector('.field-error[data-for="' + CSS.escape(field) + '"]');
      if (!target) continue;
      target.textContent = [].concat(messages).join('；');
      shown = true;
    }
    return shown;
  }

  function updateContactRule() {
    const suggestion = $('complaint-category').value === 'suggestion';
    for (const span of document.querySelectorAll('.contact-rule')) span.textContent = suggestion ? '（选填）' : '（投诉必填）';
  }

  async function fileComplaint(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const error = $('complaint-error');
    clearErrors(form);
    error.textContent = '';
    const data = new FormData(form);
    const filing = {};
    for (const name of ['category', 'subject', 'content', 'contactName', 'contactPhone']) filing[name] = String(data.get(name) || '');
    $('complaint-submit').disabled = true;
    const result = await request('/api/public/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(filing),
    });
    $('complaint-submit').disabled = false;
    if (!result.ok || !result.body) {
      const fitted = result.body && showFieldErrors(form, result.body.errors);
      error.textContent = fitted ? '请按提示修改后再提交' : problemMessage(result, '提交失败，请稍后再试');
      return;
    }
    const filed = result.body;
    $('result-kind').textContent = filed.kind;
    $('result-number').textContent = filed.number;
    $('result-code').textContent = filed.lookupCode;
    $('result-deadline').textContent = filed.deadline + '（' + filed.deadlineDays + '天内）';
    $('complaint-result').hidden = false;
    $('lookup-number').value = filed.number;
    $('lookup-code').value = filed.lookupCode;
    form.reset();
    updateContactRule();
    updateCount();
  }

  async function lookUp(event) {
    event.preventDefault();
    const number = $('lookup-number').value.trim();
    const code = $('lookup-code').value.trim();
    const error = $('lookup-error');
    error.textContent = '';
    $('lookup-result').hidden = true;
    if (!number || !code) {
      error.textContent = '请填写编号和查询码';
      return;
    }
    const result = await request('/api/public/complaints/' + encodeURIComponent(number) + '?code=' + encodeURIComponent(code));
    if (!result.ok || !result.body) {
      error.textContent = problemMessage(result, '查询失败，请稍后再试');
      return;
    }
    const c = result.body;
    const list = $('lookup-details');
    fillList(list, [
      ['编号', c.number], ['类别', c.categoryName], ['办理状态', c.statusName], ['受理日期', c.filedOn],
      ['承诺答复日期', c.deadline], ['时限', c.flagName], ['涉及对象', c.subject || '（未填写）'], ['内容', c.content],
      ['答复', c.answer || '尚未答复'], ['答复日期', c.answeredOn || ''],
    ]);
    list.dataset.flag = c.flag;
    $('lookup-result').hidden = false;
  }

  function updateCount() {
    $('content-count').textContent = $('complaint-content').value.length + ' / 2000 字';
  }

  // ---- start ----------------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    showTab();
    window.addEventListener('hashchange', showTab);
    $('month-form').addEventListener('submit', (e) => { e.preventDefault(); loadMonth($('month').value); });
    $('filter-village').addEventListener('change', renderDetails);
    $('filter-facility').addEventListener('change', renderDetails);
    $('facility-filter').addEventListener('submit', (e) => {
      e.preventDefault();
      Object.assign(facilityQuery, { page: 1, level: $('facility-level').value, township: $('facility-township').value });
      loadFacilities();
    });
    $('facility-prev').addEventListener('click', () => { facilityQuery.page -= 1; loadFacilities(); });
    $('facility-next').addEventListener('click', () => { facilityQuery.page += 1; loadFacilities(); });
    $('complaint-form').addEventListener('submit', fileComplaint);
    $('complaint-category').addEventListener('change', updateContactRule);
    $('complaint-content').addEventListener('input', updateCount);
    $('lookup-form').addEventListener('submit', lookUp);
    document.body.classList.add('ready');
    loadCounty();
    loadPublishedMonths();
    loadTownships();
    loadFacilities();
    loadAdmissionConditions();
  });
}());
