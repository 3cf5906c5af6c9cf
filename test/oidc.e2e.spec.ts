import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';
import { idNumberOf } from './support/registry-fixtures.js';

/**
 * 统一身份认证: sign-in through a real OpenID provider (`oidc-provider`, started here on a loopback port,
 * with its development login and consent pages), authorization code with PKCE, the account linked by the
 * ID-number claim.
 */
let system: TestSystem;
let providerServer: Server;
let provider: Provider | undefined;
let issuer: string;
const CLIENT = { id: 'ywtb-test', secret: 'a-client-secret-for-the-test-provider' };
const people: Record<string, { name: string; sfzh: string }> = {};

beforeAll(async () => {
  // The provider needs the system's callback URL and the system the provider's issuer: listen first, configure after.
  providerServer = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    void provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  system = await startTestSystem('single-server', {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
    // This province's provider names the ID number "sfzh" (身份证号): the claim name is configurable.
    OIDC_ID_NUMBER_CLAIM: 'sfzh',
  });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${system.url}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'sfzh'] },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, ...(people[id] ?? {}) }) }),
    pkce: { required: () => true },
    cookies: { keys: ['cookie-key-of-the-test-provider'] },
    features: { devInteractions: { enabled: true } },
  });
});

afterAll(async () => {
  await system?.stopAll();
  await new Promise((resolve) => providerServer?.close(resolve));
});

/** A browser with cookies for the provider: follows redirects by hand, logs in and consents on the dev pages. */
async function signInAtProvider(accountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
  };
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const start = await fetch(`${system.url}/api/auth/oidc/login`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  let location = new URL(start.headers.get('location')!);
  expect(location.origin).toBe(issuer);
  expect(location.searchParams.get('code_challenge_method')).toBe('S256');
  const prompts = ['login', 'consent'];
  for (let hop = 0; hop < 12; hop++) {
    if (location.href.startsWith(`${system.url}/api/auth/oidc/callback`)) return location;
    let response: Response;
    if (location.pathname.startsWith('/interaction/')) {
      const prompt = prompts.shift()!;
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt });
      response = await fetch(location, { method: 'POST', redirect: 'manual', headers: { cookie: cookies(), 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    } else {
      response = await fetch(location, { redirect: 'manual', headers: { cookie: cookies() } });
    }
    remember(response);
    expect([302, 303]).toContain(response.status);
    location = new URL(response.headers.get('location')!, location);
  }
  throw new Error('the provider never sent the browser back');
}

/** The provider's answer, handed to the system's callback: the landing page URL with the tokens in its fragment. */
async function finish(callback: URL): Promise<URLSearchParams> {
  const response = await fetch(callback, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const landing = new URL(response.headers.get('location')!, system.url!);
  expect(landing.pathname).toBe('/login/provider');
  return new URLSearchParams(landing.hash.slice(1));
}

describe('sign-in through the identity provider', () => {
  it('says the provider is configured', async () => {
    expect((await system.http().get('/api/auth/providers').expect(200)).body).toEqual({ oidc: true });
  });

  it('creates a citizen from the ID-number claim, and finds the same account the next time', async () => {
    const { idNumber } = idNumberOf('F', 1992);
    people['prov-user-1'] = { name: '林晓燕', sfzh: idNumber };
    const tokens = await finish(await signInAtProvider('prov-user-1'));
    const me = (await system.http().get('/api/me').set(auth(tokens.get('accessToken')!)).expect(200)).body;
    expect(me).toEqual(expect.objectContaining({ displayName: '林晓燕', roles: ['citizen'] }));
    // The refresh token of the session works like one from a password sign-in.
    await system.http().post('/api/auth/refresh').send({ refreshToken: tokens.get('refreshToken') }).expect(200);

    const again = await finish(await signInAtProvider('prov-user-1'));
    expect((await system.http().get('/api/me').set(auth(again.get('accessToken')!)).expect(200)).body.id).toBe(me.id);
  });

  it('links the account a counter clerk reserved for the same ID number', async () => {
    const { idNumber } = idNumberOf('M', 1948);
    const clerk = await system.login('clerk.market-regulation');
    const item = await serviceItem(system, '2201-SC-0001');
    const entered = await system
      .http()
      .post('/api/counter/cases')
      .set(auth(clerk))
      .send({ serviceItemCode: item.code, form: exampleForm(item), materials: await requiredMaterials(system, clerk, item, ['foodSafetySystem', 'foodSafetyManagerProof']), applicant: { idNumber, name: '高德明' } })
      .expect(201);
    expect(entered.body.accountReserved).toBe(true);
    people['prov-user-2'] = { name: '高德明', sfzh: idNumber };
    const tokens = await finish(await signInAtProvider('prov-user-2'));
    const me = (await system.http().get('/api/me').set(auth(tokens.get('accessToken')!)).expect(200)).body;
    expect(me.id).toBe(entered.body.applicantId);
    const mine = (await system.http().get('/api/cases').set(auth(tokens.get('accessToken')!)).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(mine).toContain(entered.body.id);
  });

  it('refuses a callback it did not start, and a person whose ID number is not valid', async () => {
    const unknown = await system.http().get('/api/auth/oidc/callback').query({ code: 'abc', state: 'made-up-state' }).expect(400);
    expect(unknown.body.code).toBe('identity.oidc_state_unknown');
    people['prov-user-3'] = { name: '错号码', sfzh: '220102199001011230' };
    const callback = await signInAtProvider('prov-user-3');
    const response = await fetch(callback, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('identity.invalid_id_number');
  });
});
