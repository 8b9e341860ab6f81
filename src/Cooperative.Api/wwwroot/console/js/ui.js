// Small building blocks for the screens. Text is only ever set as text (never as HTML): what the API returns, a
// resident's name or a complaint, cannot become markup.
import { ApiError, get } from './api.js';

/** An element: h('button', { class: 'primary', onclick }, '保存'). Attributes starting with "on" are listeners. */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name in element && name !== 'list' && name !== 'form') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const moneyFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Yuan with two places and thousands separators (the API rounds; this only displays). */
export const money = value => (value === null || value === undefined ? '' : moneyFormat.format(Number(value)));
export const date = value => (value ? String(value).slice(0, 10) : '');
/** A moment as local time; the API writes some UTC times without an offset (…Utc fields), which are UTC all the same. */
export const dateTime = value => (value
  ? new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`).toLocaleString('zh-CN', { hour12: false }) : '');

/** The staff roles' Chinese names (also the names of the actors in the audit trail). */
export const roleNames = { admin: '管理员', window: '经办窗口', reviewer: '审核员', auditor: '审计员' };
export const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
export const thisMonth = () => today().slice(0, 7);
/** A ratio (0.7) as a percentage (70%), to two places at most. */
export const percent = ratio => (ratio === null || ratio === undefined ? '' : `${Math.round(Number(ratio) * 10000) / 100}%`);

let vocabulary = null;
/** The code lists of GET /api/reference/enumerations, loaded once. */
export async function loadVocabulary() {
  if (vocabulary) return vocabulary;
  const list = await get('/api/reference/enumerations');
  vocabulary = {};
  for (const e of list) vocabulary[e.name] = e.terms;
  return vocabulary;
}
/** The Chinese label of a code of an enumeration (snake_case name: 'visit_type'); the code itself when unknown. */
export function label(enumeration, code) {
  const found = vocabulary?.[enumeration]?.find(v => v.code === code);
  return found ? found.label : code ?? '';
}
/** The codes of an enumeration, in the vocabulary's order. */
export const codes = enumeration => (vocabulary?.[enumeration] ?? []).map(v => v.code);
/** Options of a select for an enumeration, optionally restricted to some codes. */
export function options(enumeration, { blank, only } = {}) {
  const values = (vocabulary?.[enumeration] ?? []).filter(v => !only || only.includes(v.code));
  const list = values.map(v => h('option', { value: v.code }, v.label));
  return blank !== undefined ? [h('option', { value: '' }, blank), ...list] : list;
}

/** A labelled input; `name` is also the API's field name, so that a refusal's errors land next to it. */
export function field(text, input, hint) {
  return h('label', { dataset: { field: input.name || '' } }, text, input, hint ? h('span', { class: 'muted' }, hint) : null);
}

/** Shows a refusal: its Chinese title, detail and field errors, marked on the form's inputs too. */
export function problem(error, form) {
  const box = h('div', { class: 'problem', role: 'alert' });
  if (!(error instanceof ApiError)) {
    fill(box, error.message || String(error));
    return box;
  }
  const lines = Object.entries(error.errors || {}).flatMap(([name, messages]) => messages.map(m => ({ name, m })));
  fill(box, h('strong', {}, error.problem?.title || error.message), error.detail ? h('div', {}, error.detail) : null,
    lines.length ? h('ul', {}, lines.map(l => h('li', {}, l.m))) : null,
    error.code ? h('div', { class: 'muted' }, `错误代码：${error.code}`) : null);
  if (form) markErrors(form, error.errors || {});
  return box;
}

/** Marks inputs whose name (or dotted path's start) the refusal names, and clears the others. */
export function markErrors(form, errors) {
  form.querySelectorAll('.api-error').forEach(e => e.remove());
  form.querySelectorAll('[data-api-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); delete e.dataset.apiInvalid; });
  for (const [name, messages] of Object.entries(errors)) {
    const item = /^(\w+)\[(\d+)\]\.?(\w*)/.exec(name); // lines[2].amount: the third row of the lines, its amount
    const row = item ? form.querySelectorAll(`[data-row-of="${item[1]}"]`)[Number(item[2])] : null;
    const input = (row ? row.querySelector(`[name="${item[3] || 'amount'}"]`) ?? row.querySelector('input') : null)
      ?? form.querySelector(`[name="${CSS.escape(name)}"]`)
      ?? form.querySelector(`[name="${CSS.escape(name.charAt(0).toLowerCase() + name.slice(1))}"]`);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    input.dataset.apiInvalid = '1';
    (input.closest('label') ?? input.parentElement)?.append(h('span', { class: 'field-error api-error' }, messages.join('；')));
  }
}

/** Runs an action from a button: disables it meanwhile and shows the refusal in `out` (or a toast). */
export async function act(button, out, action, form) {
  if (button) button.disabled = true;
  out && fill(out);
  try {
    return await action();
  } catch (e) {
    if (out) fill(out, problem(e, form));
    else toast(e.message);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export function toast(text) {
  const box = document.getElementById('toast');
  const line = h('div', {}, text);
  box.append(line);
  setTimeout(() => line.remove(), 5000);
}

/** A table of rows; `columns` are [title, row => cell, 'num'?]; a row click opens `onOpen`. */
export function table(columns, rows, { onOpen, empty = '没有记录', id } = {}) {
  return h('div', { class: 'scroll' }, h('table', { id },
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c[2] || null }, c[0])))),
    h('tbody', {}, rows.length === 0 ? h('tr', {}, h('td', { colSpan: columns.length, class: 'muted' }, empty))
      : rows.map(row => h('tr', {
        class: onOpen ? 'clickable' : null, tabIndex: onOpen ? 0 : null,
        onclick: onOpen ? () => onOpen(row) : null,
        onkeydown: onOpen ? e => { if (e.key === 'Enter') onOpen(row); } : null,
      }, columns.map(c => h('td', { class: c[2] || null }, c[1](row))))))));
}

/**
 * A list paged and filtered on the server: `load(page)` returns the API's Page { items, pageNumber, pageSize, total }.
 * Returns the element and a reload function.
 */
export function pagedList(columns, load, options = {}) {
  const box = h('div', { class: 'paged' });
  let page = 1;
  async function show(n) {
    page = n;
    fill(box, h('p', { class: 'muted' }, '正在查询…'));
    try {
      const result = await load(page);
      const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
      fill(box, table(columns, result.items, options),
        h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: page <= 1, onclick: () => show(page - 1) }, '上一页'),
          h('span', {}, `第 ${result.pageNumber} / ${pages} 页，共 ${result.total} 条`),
          h('button', { type: 'button', disabled: page >= pages, onclick: () => show(page + 1) }, '下一页')));
    } catch (e) {
      fill(box, problem(e));
    }
  }
  show(1);
  return { element: box, reload: () => show(1) };
}

/** Facts as a definition list: [['姓名', '张三'], ...]. */
export const facts = pairs => h('dl', { class: 'facts' }, pairs.flatMap(([t, d]) => [h('dt', {}, t), h('dd', {}, d ?? '')]));

/** Prints a document built for paper (A4) and nothing else of the page. */
export function print(documentNode) {
  const area = document.getElementById('print-area');
  fill(area, documentNode);
  document.body.classList.add('printing');
  const done = () => {
    document.body.classList.remove('printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  setTimeout(done, 1000);
}

/**
 * An input with suggestions from the server as one types (catalogue, diagnoses, facilities): arrow keys choose,
 * Enter takes. `find(text)` returns items; `show(item)` their text; `take(item)` is called with the choice.
 */
export function suggest(input, find, show, take) {
  const list = h('ul', { role: 'listbox', hidden: true });
  const box = h('span', { class: 'suggest' }, input, list);
  let items = [];
  let chosen = -1;
  let asked = 0;
  const render = () => {
    fill(list, items.map((item, i) => h('li', {
      role: 'option', 'aria-selected': String(i === chosen), onmousedown: e => { e.preventDefault(); pick(i); },
    }, show(item))));
    list.hidden = items.length === 0;
  };
  const pick = i => {
    const item = items[i];
    items = [];
    render();
    if (item) take(item);
  };
  input.setAttribute('autocomplete', 'off');
  input.addEventListener('input', async () => {
    const text = input.value.trim();
    const ticket = ++asked;
    if (text.length === 0) { items = []; render(); return; }
    const found = await find(text).catch(() => []);
    if (ticket !== asked) return;
    items = found.slice(0, 10);
    chosen = items.length ? 0 : -1;
    render();
  });
  input.addEventListener('keydown', e => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { chosen = Math.min(items.length - 1, chosen + 1); render(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { chosen = Math.max(0, chosen - 1); render(); e.preventDefault(); }
    else if (e.key === 'Enter' && chosen >= 0) { e.preventDefault(); pick(chosen); }
    else if (e.key === 'Escape') { items = []; render(); }
  });
  input.addEventListener('blur', () => setTimeout(() => { items = []; render(); }, 150));
  return box;
}

/** A progress line for long work: set(fraction or null, text). */
export function progress(text) {
  const bar = h('progress', { max: 1 });
  const caption = h('span', { class: 'muted' }, text);
  const element = h('div', { class: 'actions', role: 'status' }, bar, caption);
  return {
    element,
    set(fraction, note) {
      if (fraction === null || fraction === undefined) bar.removeAttribute('value');
      else bar.value = fraction;
      if (note) caption.textContent = note;
    },
  };
}

/** Puts a screen's filters into the address (so that going back returns to them) or reloads when they did not change. */
export function navigate(path, values, reload) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== '' && value !== null && value !== undefined && value !== false) query.set(name, value);
  const text = query.toString();
  const target = `#/${path}${text ? `?${text}` : ''}`;
  if (location.hash === target) reload();
  else location.hash = target;
}

/** Values of a form's named inputs (checkboxes as true/false). */
export function valuesOf(form) {
  const values = {};
  for (const input of form.querySelectorAll('[name]')) values[input.name] = input.type === 'checkbox' ? input.checked : input.value.trim();
  return values;
}
