// The console's start: sign-in, who the user is, the menus of the user's role, and the screen of the address's hash
// (#/window/claims/new). A screen module exports its routes; a route names the roles that may open it, so a menu a role
// cannot use never appears (and the API refuses it besides).
import * as auth from './auth.js';
import { get } from './api.js';
import { h, fill, problem, loadVocabulary, roleNames } from './ui.js';
import windowRoutes from './screens/window.js';
import reviewerRoutes from './screens/reviewer.js';
import adminRoutes from './screens/admin.js';
import auditorRoutes from './screens/auditor.js';

const sections = [
  ['经办窗口', windowRoutes], ['报销审核', reviewerRoutes], ['系统管理', adminRoutes], ['审计查询', auditorRoutes],
];
const view = document.getElementById('view');
let me = null;
let allowed = [];

function matches(pattern, path) {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

async function route() {
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
  document.querySelectorAll('#menu a').forEach(a => a.classList.toggle('current', a.getAttribute('href') === `#/${path}`));
  if (path === '') {
    home();
    view.dataset.rendered = path;
    return;
  }
  for (const r of allowed) {
    const params = matches(r.path, path);
    if (!params) continue;
    document.title = `${r.title} - 新型农村合作医疗管理系统`;
    const screen = h('div', { id: `screen-${r.path.replace(/[/:]/g, '-')}` });
    fill(view, screen);
    view.focus();
    delete view.dataset.rendered;
    try {
      await r.render(screen, params, new URLSearchParams(location.hash.split('?')[1] || ''));
    } catch (e) {
      fill(screen, h('h1', {}, r.title), problem(e));
    }
    view.dataset.rendered = path; // the screen has its content (the browser tests wait for it)
    return;
  }
  fill(view, h('h1', {}, '没有这个页面'), h('p', {}, '地址有误，或您的角色不能使用此功能。'), h('a', { href: '#/' }, '返回首页'));
  view.dataset.rendered = path;
}

function home() {
  document.title = '新型农村合作医疗管理系统';
  fill(view, h('h1', {}, `您好，${me.name || me.subject}`), h('p', { class: 'muted' }, `角色：${roleNames[me.role]}`),
    sections.map(([name, routes]) => {
      const mine = routes.filter(r => r.menu && r.roles.includes(me.role));
      return mine.length === 0 ? null : h('div', { class: 'card' }, h('h2', {}, name),
        h('div', { class: 'actions' }, mine.map(r => h('a', { href: `#/${r.path}` }, r.menu))));
    }));
}

function menu() {
  const nav = document.getElementById('menu');
  fill(nav, h('a', { href: '#/' }, '首页'), sections.map(([name, routes]) => {
    const mine = routes.filter(r => r.menu && r.roles.includes(me.role));
    return mine.length === 0 ? null : [h('h2', {}, name), mine.map(r => h('a', { href: `#/${r.path}` }, r.menu))];
  }));
}

function signedOutPage(text) {
  fill(view, h('div', { class: 'card', id: 'signed-out' }, h('h1', {}, '新型农村合作医疗管理系统'), h('p', {}, text),
    h('button', { type: 'button', class: 'primary', id: 'sign-in', onclick: () => auth.signIn().catch(show) }, '登录')));
}

function show(e) {
  fill(view, h('h1', {}, '无法登录'), problem(e),
    h('button', { type: 'button', onclick: () => auth.signIn().catch(show) }, '重新登录'));
}

async function start() {
  const session = await auth.start();
  if (!session.token) {
    if (session.signedOut) return signedOutPage('您已退出登录。');
    return auth.signIn();
  }
  me = await get('/api/me');
  const out = document.getElementById('sign-out');
  out.hidden = false;
  out.addEventListener('click', () => auth.signOut());
  document.getElementById('who').textContent = `${me.name || me.subject}（${roleNames[me.role] || me.role}）`;
  if (!roleNames[me.role]) {
    fill(view, h('h1', {}, '无权使用管理端'), h('p', { id: 'no-console' },
      '此账号不是经办机构工作人员账号（例如医疗机构接口账号），不能使用管理端。请用工作人员账号登录。'));
    document.body.classList.add('ready');
    return;
  }
  await loadVocabulary();
  allowed = sections.flatMap(([, routes]) => routes).filter(r => r.roles.includes(me.role));
  menu();
  window.addEventListener('hashchange', route);
  await route();
  document.body.classList.add('ready');
}

start().catch(show);
