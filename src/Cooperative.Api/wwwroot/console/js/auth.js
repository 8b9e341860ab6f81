// Sign-in by OpenID Connect authorization code with PKCE (RFC 7636), against the API's embedded token server or
// the external authority named by GET /api/console/settings. Tokens live in sessionStorage (this tab only) and
// are refreshed before they expire; signing out revokes the refresh token and ends the session at the server.
const store = sessionStorage;
const KEY = 'coop.console.tokens';
const PENDING = 'coop.console.pending';
const SIGNED_OUT = 'coop.console.signed-out';

let settings = null;
let discovery = null;
let refreshTimer = 0;

const redirectUri = () => `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`;

function base64Url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(size) {
  return base64Url(crypto.getRandomValues(new Uint8Array(size)));
}

async function challengeOf(verifier) {
  return base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

async function load() {
  if (discovery) return;
  const answer = await fetch('/api/console/settings', { headers: { Accept: 'application/json' } });
  if (!answer.ok) throw new Error(`无法读取登录设置（HTTP ${answer.status}）`);
  settings = await answer.json();
  const authority = (settings.authority || location.origin).replace(/\/$/, '');
  const found = await fetch(`${authority}/.well-known/openid-configuration`);
  if (!found.ok) throw new Error(`无法连接认证服务器 ${authority}（HTTP ${found.status}）`);
  discovery = await found.json();
}

function tokens() {
  const text = store.getItem(KEY);
  return text ? JSON.parse(text) : null;
}

function keep(answer) {
  const previous = tokens();
  const next = {
    access: answer.access_token,
    refresh: answer.refresh_token || previous?.refresh || null,
    id: answer.id_token || previous?.id || null,
    expiresAt: Date.now() + (answer.expires_in || 3600) * 1000,
  };
  store.setItem(KEY, JSON.stringify(next));
  schedule(next);
  return next;
}

function schedule(current) {
  clearTimeout(refreshTimer);
  if (!current?.refresh) return;
  const wait = Math.max(5000, current.expiresAt - Date.now() - 60000);
  refreshTimer = setTimeout(() => refresh().catch(() => {}), wait);
}

async function tokenRequest(fields) {
  const body = new URLSearchParams({ client_id: settings.clientId, ...fields });
  const answer = await fetch(discovery.token_endpoint, {
    method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  });
  const json = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new Error(json.title || json.error_description || json.error || `HTTP ${answer.status}`);
  return json;
}

/** Sends the browser to the sign-in page. */
export async function signIn() {
  await load();
  if (!window.isSecureContext || !crypto.subtle)
    throw new Error('登录需要 HTTPS（或本机 localhost）访问：浏览器只在安全连接下提供 PKCE 所需的加密功能');
  const verifier = randomText(48);
  const state = randomText(16);
  store.setItem(PENDING, JSON.stringify({ verifier, state, back: location.hash }));
  store.removeItem(SIGNED_OUT);
  const query = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: settings.scope, state,
    code_challenge: await challengeOf(verifier), code_challenge_method: 'S256',
  });
  location.assign(`${discovery.authorization_endpoint}?${query}`);
}

/**
 * The session on start: finishes a sign-in that has just come back with a code, or resumes the tab's tokens.
 * Null when nobody is signed in; `signedOut` is true when the user has just signed out.
 */
export async function start() {
  const query = new URLSearchParams(location.search);
  if (query.has('code') || query.has('error')) {
    await load();
    const pending = JSON.parse(store.getItem(PENDING) || 'null');
    store.removeItem(PENDING);
    history.replaceState(null, '', redirectUri() + (pending?.back || ''));
    if (query.has('error')) throw new Error(`登录未完成：${query.get('error_description') || query.get('error')}`);
    if (!pending || pending.state !== query.get('state')) throw new Error('登录请求已失效或被篡改，请重新登录');
    keep(await tokenRequest({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(), code_verifier: pending.verifier,
    }));
  }
  const current = tokens();
  if (!current) return { signedOut: store.getItem(SIGNED_OUT) === '1' };
  if (current.expiresAt - Date.now() < 60000) await refresh();
  else schedule(current);
  return { token: tokens().access };
}

/** A fresh access token by the refresh token; on failure the session is over. */
export async function refresh() {
  const current = tokens();
  if (!current?.refresh) throw new Error('登录已过期，请重新登录');
  await load();
  try {
    return keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: current.refresh })).access;
  } catch (e) {
    store.removeItem(KEY);
    throw new Error('登录已过期，请重新登录');
  }
}

export function accessToken() {
  return tokens()?.access || null;
}

/** Revokes the refresh token, forgets the tokens and ends the session at the server. */
export async function signOut() {
  const current = tokens();
  clearTimeout(refreshTimer);
  store.removeItem(KEY);
  store.setItem(SIGNED_OUT, '1');
  await load().catch(() => {});
  if (current?.refresh && discovery?.revocation_endpoint) {
    await fetch(discovery.revocation_endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: settings.clientId, token: current.refresh, token_type_hint: 'refresh_token' }),
    }).catch(() => {});
  }
  if (discovery?.end_session_endpoint) {
    const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
    if (current?.id) query.set('id_token_hint', current.id);
    location.assign(`${discovery.end_session_endpoint}?${query}`);
  } else {
    location.assign(redirectUri());
  }
}
