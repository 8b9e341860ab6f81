// An OpenID provider that is not the API's embedded one: panva's certified oidc-provider, for the API tests of
// `Authentication:Authority`. It listens on a free loopback port (or PORT), makes a fresh RS256 key at each start,
// issues JWT access tokens by client credentials (audience `cooperative-api` unless another resource is asked for)
// with the claims an external server must give the API (`role`, `facility_code`, `name`), and prints one line
// `{"issuer": "http://127.0.0.1:PORT"}` on stdout once it serves its discovery document.
// Every client's secret is `<client_id>-secret`. Two clients exist only to make bad tokens, signed with the
// provider's real key: `coop-expired` (expired an hour ago) and `coop-foreign-issuer` (another `iss`); two make
// tokens shaped like Keycloak's and Duende IdentityServer's (see `formats.customizers.jwt`).
// The staff console signs in here as the public client `county-console` (authorization code with PKCE S256, refresh
// tokens, revocation, end session): a user picks one of the `accounts` below by name on a plain sign-in page (any
// password), consent is implied, and the code-flow access token carries that account's claims. The console is served
// by the API on a port chosen when the API starts (after this provider), so its redirect and post-logout redirect URIs,
// and the origins its token requests come from, are checked against the loopback pattern http://127.0.0.1:PORT/console/.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import Provider from 'oidc-provider';

const API_AUDIENCE = 'cooperative-api';
const API_RESOURCE = 'urn:cooperative-api';
const OTHER_RESOURCE = 'urn:other-api';

// The claims each client's tokens carry besides the standard ones. The window's role is an array, the shape
// Keycloak's "User Realm Role" mapper gives.
const accounts = {
  'coop-admin': { role: 'admin', name: '外部管理员' },
  'coop-window': { role: ['offline_access', 'window'], name: '外部窗口' },
  'coop-auditor': { role: 'auditor' },
  'facility-H0001': { role: 'facility', facility_code: 'H0001' },
  'facility-H0002': { role: 'facility', facility_code: 'H0002' },
  'facility-H9999': { role: 'facility', facility_code: 'H9999' }, // a code the API's register does not hold
  // Shaped like the tokens of Keycloak (header typ JWT, typ Bearer, azp, realm_access, aud an array) and of Duende
  // IdentityServer (scope an array, client claims without prefix), configured as the README says.
  'keycloak-reviewer': { role: ['default-roles-cooperative', 'offline_access', 'reviewer'], name: '外部审核员' },
  'duende-facility-H0001': { role: 'facility', facility_code: 'H0001' },
  'keycloak-id-token': { role: 'admin' }, // a Keycloak ID token's shape (payload typ ID): not an access token
  'coop-expired': { role: 'admin' },
  'coop-foreign-issuer': { role: 'admin' },
};

const CONSOLE_CLIENT = 'county-console';
const CONSOLE_REDIRECT = /^http:\/\/127\.0\.0\.1:\d{1,5}\/console\/$/;
const CONSOLE_ORIGIN = /^http:\/\/127\.0\.0\.1:\d{1,5}$/;

const resourceServers = {
  [API_RESOURCE]: { audience: API_AUDIENCE },
  [OTHER_RESOURCE]: { audience: 'other-api' },
};

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };

const server = http.createServer();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      ...Object.keys(accounts).map((id) => ({
        client_id: id,
        client_secret: `${id}-secret`,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: 'api',
      })),
      {
        client_id: CONSOLE_CLIENT,
        client_name: '工作人员控制台',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // Placeholders: the console's real URIs carry the API's port and are checked by the pattern (see below).
        redirect_uris: ['http://127.0.0.1/console/'],
        post_logout_redirect_uris: ['http://127.0.0.1/console/'],
        scope: 'openid api',
      },
    ],
    jwks: { keys: [signingKey] },
    scopes: ['openid', 'api'],
    pkce: { required: () => true }, // S256 is the only method oidc-provider accepts
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, name: accounts[id].name }) } : undefined),
    // The console's consent is implied: the grant covers what it asks for, so the browser only sees the sign-in page.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (ctx.oidc.client.clientId !== CONSOLE_CLIENT) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: CONSOLE_CLIENT, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers)) {
        grant.addResourceScope(indicator, [...ctx.oidc.requestParamScopes].filter((s) => server.scopes.has(s)).join(' '));
      }
      await grant.save();
      return grant;
    },
    // Refresh tokens for the console without offline_access (which oidc-provider grants only with prompt=consent).
    issueRefreshToken: (ctx, client, code) => client.grantTypeAllowed('refresh_token')
      && (client.clientId === CONSOLE_CLIENT || code.scopes.has('offline_access')),
    clientBasedCORS: (ctx, origin, client) => client.clientId === CONSOLE_CLIENT && CONSOLE_ORIGIN.test(origin),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: false },
      revocation: { enabled: true, allowedPolicy: (ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page('退出登录', `${form}<p>退出外部认证服务器 ${escape(ctx.host)} 的登录？</p>
            <button id="logout" type="submit" form="op.logoutForm" name="logout" value="yes">退出登录</button>
            <button id="stay" type="submit" form="op.logoutForm">保持登录</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = page('已退出', '<p id="signed-out">您已退出外部认证服务器。</p>');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource) => {
          const known = resourceServers[resource];
          if (!known) throw new Provider.errors.InvalidTarget();
          return { ...known, scope: 'api', accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // Client credentials: the client's claims; authorization code and refresh: the signed-in account's.
    extraTokenClaims: (ctx, token) => {
      const { name, ...claims } = accounts[token.accountId ?? token.clientId] ?? {};
      return name ? { ...claims, name } : claims;
    },
    formats: {
      customizers: {
        jwt: (ctx, token, jwt) => {
          const now = Math.floor(Date.now() / 1000);
          if (token.clientId === 'coop-expired') Object.assign(jwt.payload, { iat: now - 7200, exp: now - 3600 });
          if (token.clientId === 'coop-foreign-issuer') jwt.payload.iss = 'http://issuer.invalid';
          if (token.clientId === 'keycloak-reviewer' || token.clientId === 'keycloak-id-token') {
            jwt.header = { typ: 'JWT' };
            Object.assign(jwt.payload, {
              typ: token.clientId === 'keycloak-id-token' ? 'ID' : 'Bearer', azp: token.clientId, aud: [API_AUDIENCE, 'account'],
              realm_access: { roles: jwt.payload.role }, preferred_username: 'reviewer1',
            });
          }
          if (token.clientId === 'duende-facility-H0001') jwt.payload.scope = ['api'];
        },
      },
    },
  });
  const { redirectUriAllowed, postLogoutRedirectUriAllowed } = provider.Client.prototype;
  provider.Client.prototype.redirectUriAllowed = function allowed(uri) {
    return this.clientId === CONSOLE_CLIENT ? CONSOLE_REDIRECT.test(uri) : redirectUriAllowed.call(this, uri);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function allowed(uri) {
    return this.clientId === CONSOLE_CLIENT ? CONSOLE_REDIRECT.test(uri) : postLogoutRedirectUriAllowed.call(this, uri);
  };
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname)?.[1];
    if (!uid) return callback(req, res);
    return signInPage(provider, req, res).catch((e) => {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${e.name}: ${e.message}`);
    });
  });
  console.log(JSON.stringify({ issuer }));
});

// The sign-in page of an interaction (GET) and its form (POST): a user name of `accounts` signs in, with any password.
async function signInPage(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') throw new Error(`unexpected prompt ${details.prompt.name}`);
  let error = '';
  if (req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const login = new URLSearchParams(body).get('login')?.trim() ?? '';
    if (Object.hasOwn(accounts, login)) {
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    error = `<p id="error">没有账号 ${escape(login)}</p>`;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(page('外部认证服务器 - 登录', `<h1>外部认证服务器</h1><p>${escape(details.params.client_id)} 请求登录</p>${error}
    <form method="post" action="/interaction/${escape(details.uid)}" autocomplete="off">
      <label>用户名 <input id="login" name="login" required autofocus></label>
      <label>密码 <input id="password" name="password" type="password" required></label>
      <button id="submit" type="submit">登录</button>
    </form>`));
}

function page(title, body) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The tests start this process with a pipe for stdin: when the test host dies, stdin closes and so does this.
process.stdin.on('end', stop);
process.stdin.resume();
