// 系统管理: the administrator's screens, one module per area.
import facilities from './admin-facilities.js';
import policy from './admin-policy.js';
import fund from './admin-fund.js';
import disclosure from './admin-disclosure.js';
import people from './admin-people.js';

export default [...facilities, ...policy, ...fund, ...disclosure, ...people];
