// Small pieces shared by the administrator's screens: cards, forms read into the API's request bodies, an in-page
// confirmation for acts that cannot be undone, and months.
import { h, fill, act, toast, progress, markErrors } from '../ui.js';
import { download } from '../api.js';

/** A titled card. */
export const card = (title, ...children) => h('section', { class: 'card' }, title ? h('h2', {}, title) : null, children);

/** An input named as the API's field. */
export const input = (name, attributes = {}) => h('input', { name, ...attributes });
export const select = (name, choices, attributes = {}) => h('select', { name, ...attributes }, choices);
export const textarea = (name, attributes = {}) => h('textarea', { name, rows: 3, ...attributes });

/**
 * The values of a form's named inputs as a request body: a checkbox is a boolean, a number input a number (null when
 * empty), text trimmed (null when empty). Inputs marked data-skip are left out.
 */
export function formValues(form) {
  const body = {};
  for (const element of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (element.dataset.skip !== undefined) continue;
    let value;
    if (element.type === 'checkbox') value = element.checked;
    else if (element.type === 'number') value = element.value === '' ? null : Number(element.value);
    else value = element.value.trim() === '' ? null : element.value.trim();
    body[element.name] = value;
  }
  return body;
}

/**
 * A form whose submit runs `action(body, form)` with the refusal shown above its buttons and marked on its inputs.
 * `fields` are labelled inputs; the submit button carries `id` when given.
 */
export function apiForm({ fields, submit, id, buttonId, className = 'grid', action, extra }) {
  const out = h('div', { class: 'out' });
  const button = h('button', { type: 'submit', class: 'primary', id: buttonId || null }, submit);
  const form = h('form', { id: id || null, novalidate: true },
    h('div', { class: className }, fields), extra || null, out, h('div', { class: 'actions' }, button));
  form.addEventListener('submit', e => {
    e.preventDefault();
    act(button, out, async () => {
      const done = await action(formValues(form), form, out);
      markErrors(form, {});
      return done;
    }, form);
  });
  return form;
}

/**
 * Asks in the page before an act that cannot be undone: the question, then the act's button and 取消. The act's
 * refusal is shown in the same place.
 */
export function confirmIn(out, question, label, action) {
  const result = h('div');
  const ok = h('button', { type: 'button', class: 'primary', id: 'confirm-ok' }, label);
  const box = h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': label }, h('p', {}, question),
    result, h('div', { class: 'actions' }, ok, h('button', { type: 'button', id: 'confirm-cancel', onclick: () => fill(out) }, '取消')));
  ok.addEventListener('click', () => act(ok, result, async () => {
    const done = await action();
    if (done !== false && box.isConnected) fill(out, done instanceof Node ? done : null);
  }));
  fill(out, box);
  ok.focus();
}


/** The month before today, yyyy-MM (the month usually settled, closed or disclosed). */
export function lastMonth() {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export const yesNo = value => (value ? '是' : '否');

/** A status as a tag. */
export const tag = (text, flag) => h('span', { class: flag ? 'tag flag' : 'tag' }, text);

/** A download button: the file fetched with the token, its progress shown beside the button. */
export function downloadButton(text, path, query, fileName, id) {
  const place = h('span');
  const button = h('button', { type: 'button', id: id || null }, text);
  button.addEventListener('click', () => act(button, place, async () => {
    const bar = progress(`正在下载 ${fileName || ''}…`);
    fill(place, bar.element);
    const size = await download(typeof path === 'function' ? path() : path, typeof query === 'function' ? query() : query,
      fileName, fraction => bar.set(fraction));
    bar.set(1, `已下载（${(size / 1024).toFixed(1)} KB）`);
    toast(`已下载 ${fileName || ''}`);
  }));
  return h('span', { class: 'download' }, button, place);
}

/** Reads the filters of a list from the address's query and writes them back without reloading the screen. */
export function keepQuery(path, values) {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const text = query.toString();
  history.replaceState(null, '', `#/${path}${text ? `?${text}` : ''}`);
}

/** An element showing text with its line breaks (a complaint's content, a note). */
export const prose = text => h('p', { class: 'prose' }, text ?? '');


