// The public HTTP API, as integrators call it: a bearer token, JSON, problem details (RFC 9457) on refusal.
import { accessToken, refresh } from './auth.js';

/** A refusal or failure of the API: the problem details' Chinese title, stable code and field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || `请求失败（HTTP ${status}）`);
    this.status = status;
    this.code = problem.code || null;
    this.detail = problem.detail || null;
    this.errors = problem.errors || {};
    this.problem = problem;
  }
}

function url(path, query) {
  const target = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query || {}))
    if (value !== undefined && value !== null && value !== '') target.searchParams.set(name, value);
  return target;
}

async function send(method, path, { query, body, key, accept = 'application/json' } = {}, retried = false) {
  const headers = { Accept: accept };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  let answer;
  try {
    answer = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { title: '无法连接服务器，请检查网络后重试', code: 'network' });
  }
  if (answer.status === 401 && !retried && token) {
    try {
      await refresh();
    } catch (e) {
      throw new ApiError(401, { title: e.message, code: 'signed_out' });
    }
    return send(method, path, { query, body, key, accept }, true);
  }
  return answer;
}

async function problemOf(answer) {
  const text = await answer.text();
  try {
    return JSON.parse(text);
  } catch {
    return { title: answer.status === 403 ? '没有权限执行此操作' : `请求失败（HTTP ${answer.status}）` };
  }
}

async function json(method, path, options) {
  const answer = await send(method, path, options);
  if (!answer.ok) throw new ApiError(answer.status, await problemOf(answer));
  return answer.status === 204 ? null : answer.json();
}

/** A key per user action: a retry of the same action (a lost answer, a double click) sends the same key. */
export const newKey = () => crypto.randomUUID();

export const get = (path, query) => json('GET', path, { query });
export const post = (path, body, key) => json('POST', path, { body: body ?? {}, key: key || newKey() });
export const put = (path, body) => json('PUT', path, { body });

/** A page or document the API serves as text (a statement's HTML, say). */
export async function getText(path) {
  const answer = await send('GET', path, { accept: 'text/html, text/plain' });
  if (!answer.ok) throw new ApiError(answer.status, await problemOf(answer));
  return answer.text();
}

/**
 * Downloads a file with the bearer token, reporting progress (0..1, or null when the size is unknown), and hands it to
 * the browser to save.
 */
export async function download(path, query, fileName, onProgress) {
  const answer = await send('GET', path, { query, accept: '*/*' });
  if (!answer.ok) throw new ApiError(answer.status, await problemOf(answer));
  const size = Number(answer.headers.get('Content-Length')) || 0;
  const reader = answer.body.getReader();
  const parts = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onProgress?.(size ? received / size : null, received);
  }
  const name = fileName || /filename\*?=(?:UTF-8'')?"?([^";]+)/i.exec(answer.headers.get('Content-Disposition') || '')?.[1] || 'download';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(parts, { type: answer.headers.get('Content-Type') || 'application/octet-stream' }));
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return received;
}

/**
 * Sends a file (multipart, field `file`) as the import endpoints take it, reporting the upload's progress (0..1, or null
 * when the size is unknown): XMLHttpRequest, since fetch cannot report an upload's progress.
 */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url(path));
    const token = accessToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Idempotency-Key', newKey());
    request.upload.onprogress = e => onProgress?.(e.lengthComputable ? e.loaded / e.total : null);
    request.onload = () => {
      const body = (() => { try { return JSON.parse(request.responseText); } catch { return {}; } })();
      if (request.status >= 200 && request.status < 300) resolve(body);
      else reject(new ApiError(request.status, body));
    };
    request.onerror = () => reject(new ApiError(0, { title: '无法连接服务器，请检查网络后重试', code: 'network' }));
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}
