// An OpenID provider that is not the API's embedded one: panva's certified oidc-provider, for the API tests of
// `Authentication:Authority`. It listens on a free loopback port (or PORT), makes a fresh RS256 key at each start,
// issues JWT access tokens by client credentials (audience `cooperative-api` unless another resource is asked for)
// with the claims an external server must give the API (`role`, `facility_code`, `name`), and prints one line
// `{"issuer": "http://127.0.0.1:PORT"}` on stdout once it serves its discovery document.
// Every client's secret is `<client_id>-secret`. Two clients exist only to make bad tokens, signed with the
// provider's real key: `coop-expired` (expired an hour ago) and `coop-foreign-issuer` (another `iss`); two make
// tokens shaped like Keycloak's and Duende IdentityServer's (see `formats.customizers.jwt`).
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
    clients: Object.keys(accounts).map((id) => ({
      client_id: id,
      client_secret: `${id}-secret`,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'api',
    })),
    jwks: { keys: [signingKey] },
    scopes: ['api'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: false },
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
    extraTokenClaims: (ctx, token) => {
      const { name, ...claims } = accounts[token.clientId] ?? {};
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
  server.on('request', provider.callback());
  console.log(JSON.stringify({ issuer }));
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The tests start this process with a pipe for stdin: when the test host dies, stdin closes and so does this.
process.stdin.on('end', stop);
process.stdin.resume();
