// The people around the office: complaints and suggestions (投诉与建议: assign, answer, close within the deadline) and
// the staff accounts (工作人员账号: create with a role, deactivate and activate, unlock, change the role).
import { get, post, put } from '../api.js';
import { h, fill, table, pagedList, facts, field, act, toast, date, label, options, dateTime, roleNames } from '../ui.js';
import { card, input, select, textarea, apiForm, confirmIn, tag, keepQuery, formValues, prose } from './admin-common.js';

const flagTag = c => (c.flag === 'none' ? '' : tag(c.flagName || label('deadline_flag', c.flag), true));

async function complaintList(screen, params, query) {
  const filters = h('form', { class: 'grid', id: 'complaint-filters' },
    field('办理状态', select('status', options('complaint_status', { blank: '全部' }))),
    field('时限标记', select('flag', options('deadline_flag', { blank: '全部' }))),
    field('类别', select('category', options('complaint_category', { blank: '全部' }))));
  for (const name of ['status', 'flag', 'category']) filters.elements[name].value = query.get(name) || '';
  filters.addEventListener('submit', e => e.preventDefault());
  const current = () => formValues(filters);
  const list = pagedList([
    ['编号', c => c.number], ['类别', c => c.categoryName], ['主题', c => c.subject || ''], ['受理日期', c => date(c.filedOn)],
    ['答复时限', c => date(c.deadline)], ['剩余天数', c => (c.status === 'answered' || c.status === 'closed' ? '—' : c.daysLeft), 'num'],
    ['状态', c => c.statusName], ['标记', flagTag], ['承办人', c => c.assignee || ''],
  ], page => get('/api/complaints', { ...current(), page, pageSize: 20 }),
  { id: 'complaint-list', empty: '没有符合条件的投诉或建议', onOpen: c => { location.hash = `#/admin/complaints/${encodeURIComponent(c.number)}`; } });
  filters.addEventListener('change', () => { keepQuery('admin/complaints', current()); list.reload(); });
  fill(screen, h('h1', {}, '投诉与建议'),
    h('p', { class: 'muted' }, '群众通过公开页面提交的投诉和建议：分派承办人，在时限内答复，答复后办结。黄牌为临近时限，红牌为已超时限未答复。'),
    card(null, filters), list.element);
}

async function complaintPage(screen, { number }) {
  const path = `/api/complaints/${encodeURIComponent(number)}`;
  const [c, staff] = await Promise.all([get(path), get('/api/staff').catch(() => [])]);
  const again = async note => { await complaintPage(screen, { number }); if (note) toast(note); };
  const actions = [];
  if (c.status === 'filed' || c.status === 'assigned') {
    const people = staff.filter(s => s.isActive && s.role !== 'auditor');
    actions.push(card(c.status === 'filed' ? '分派' : '改派', apiForm({
      id: 'assign-form', submit: '分派', buttonId: 'assign',
      fields: [field('承办人', select('assignee', people.map(s => h('option', { value: s.userName }, `${s.displayName}（${s.userName}，${roleNames[s.role] || s.role}）`))))],
      action: async body => { await post(`${path}/assign`, body); await again('已分派'); },
    })));
    if (c.status === 'assigned') {
      actions.push(card('答复', apiForm({
        id: 'answer-form', className: 'stack', submit: '答复', buttonId: 'answer',
        fields: [field('答复内容（提交人凭查询码可以看到）', textarea('answer', { rows: 5 }))],
        action: async body => { await post(`${path}/answer`, body); await again('已答复'); },
      })));
    }
  }
  if (c.status === 'answered') {
    actions.push(card('办结', apiForm({
      id: 'close-form', className: 'stack', submit: '办结', buttonId: 'close-complaint',
      fields: [field('办结说明', textarea('note'))],
      action: async body => { await post(`${path}/close`, body); await again('已办结'); },
    })));
  }
  fill(screen, h('h1', {}, `${c.number} ${c.subject || c.categoryName} `, flagTag(c)),
    h('div', { class: 'actions' }, h('a', { href: '#/admin/complaints' }, '返回列表')),
    card('内容', facts([
      ['编号', c.number], ['类别', c.categoryName], ['性质', c.kind], ['主题', c.subject || ''], ['联系人', c.contactName || '（未留）'],
      ['联系电话', c.contactPhone || '（未留）'], ['受理时间', dateTime(c.filedUtc)], ['答复时限', date(c.deadline)],
      ['剩余天数', c.daysLeft], ['状态', c.statusName], ['时限标记', c.flagName], ['承办人', c.assignee || '未分派'],
    ]), h('h3', {}, '投诉内容'), prose(c.content),
    c.answer ? [h('h3', {}, `答复（${c.answeredBy} ${dateTime(c.answeredUtc)}）`), prose(c.answer)] : null),
    actions,
    card('办理经过', table([
      ['时间', s => dateTime(s.atUtc)], ['原状态', s => (s.from ? label('complaint_status', s.from) : '—')], ['新状态', s => s.toName],
      ['说明', s => s.note || ''], ['操作人', s => s.by],
    ], c.history, { id: 'complaint-history' })));
}

async function staffPage(screen) {
  const [accounts, me] = await Promise.all([get('/api/staff'), get('/api/me')]);
  const out = h('div', { id: 'staff-out' });
  const again = async note => { await staffPage(screen); if (note) toast(note); };
  const roleChoices = Object.entries(roleNames).map(([value, text]) => h('option', { value }, text));
  const actions = s => {
    const base = `/api/staff/${encodeURIComponent(s.userName)}`;
    const button = (text, action, run, extra = {}) => h('button', { type: 'button', dataset: { action, user: s.userName }, ...extra, onclick: run }, text);
    const role = select('role', Object.entries(roleNames).map(([value, text]) => h('option', { value, selected: value === s.role }, text)),
      { 'aria-label': `${s.userName} 的角色`, dataset: { user: s.userName } });
    if (s.userName === me.subject) return h('span', { class: 'muted' }, '当前登录账号');
    return h('div', { class: 'actions tight' },
      s.isActive
        ? button('停用', 'deactivate', () => confirmIn(out, `停用 ${s.displayName}（${s.userName}）？该账号将不能登录，已登录的会话立即失效。`, '确认停用', async () => {
          await post(`${base}/deactivate`); await again(`已停用 ${s.userName}`); return false;
        }), { class: 'danger' })
        : button('启用', 'activate', e => act(e.currentTarget, out, async () => { await post(`${base}/activate`); await again(`已启用 ${s.userName}`); })),
      s.isLockedOut ? button('解除锁定', 'unlock', e => act(e.currentTarget, out, async () => { await post(`${base}/unlock`); await again(`已解除 ${s.userName} 的锁定`); })) : null,
      role,
      button('更改角色', 'role', e => {
        if (role.value === s.role) return;
        confirmIn(out, `将 ${s.displayName}（${s.userName}）的角色由“${roleNames[s.role]}”改为“${roleNames[role.value]}”？该账号需重新登录。`, '确认更改', async () => {
          await put(`${base}/role`, { role: role.value }); await again(`${s.userName} 的角色已改为${roleNames[role.value]}`); return false;
        });
      }));
  };
  const create = apiForm({
    id: 'staff-form', submit: '创建账号', buttonId: 'create-staff',
    fields: [
      field('用户名', input('userName', { autocomplete: 'off' })), field('姓名', input('displayName')),
      field('角色', select('role', [h('option', { value: '' }, '请选择'), roleChoices])),
      field('初始密码', input('password', { type: 'password', autocomplete: 'new-password' }), '至少10个字符，含字母和数字'),
    ],
    action: async body => {
      const created = await post('/api/staff', body);
      await again(`已创建 ${created.displayName}（${created.userName}），角色：${roleNames[created.role] || created.role}`);
    },
  });
  fill(screen, h('h1', {}, '工作人员账号'), out,
    card('账号', table([
      ['用户名', s => s.userName], ['姓名', s => s.displayName], ['角色', s => roleNames[s.role] || s.role],
      ['状态', s => (s.isActive ? '启用' : tag('已停用', true))], ['锁定', s => (s.isLockedOut ? tag('已锁定', true) : '—')],
      ['操作', actions],
    ], accounts, { id: 'staff' })),
    card('新建账号', create));
}

export default [
  { path: 'admin/complaints', menu: '投诉与建议', title: '投诉与建议', roles: ['admin'], render: complaintList },
  { path: 'admin/complaints/:number', title: '投诉与建议', roles: ['admin'], render: complaintPage },
  { path: 'admin/staff', menu: '工作人员账号', title: '工作人员账号', roles: ['admin'], render: staffPage },
];
