import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An install served over https, as in production. Set before the config reads the environment,
// hence the imports below come after it.
process.env.SERVER_URL = 'https://cms.oyu.example';
const { makeUser, testPayload } = await import('../helpers');
const { login, password, rest } = await import('../rest');

/**
 * Sign-in, sessions and the session cookie: how an account stays the owner's.
 */
let payload: Payload;
beforeAll(async () => {
  payload = await testPayload();
});
afterAll(async () => {
  await payload.destroy();
});

const me = async (headers: Record<string, string>) => (await rest('GET', '/api/users/me', { headers })).json;

/** Signs in and returns the session cookie's `name=value`, and the whole Set-Cookie header. */
async function cookieLogin(email: string) {
  const response = await rest('POST', '/api/users/login', { body: { email, password } });
  expect(response.status).toBe(200);
  const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('payload-token=')) ?? '';
  const cookie = setCookie.match(/payload-token=[^;]+/)?.[0];
  expect(cookie, setCookie).toBeTruthy();
  return { cookie: cookie as string, setCookie, token: response.json.token as string };
}

describe('the session cookie', () => {
  it('is HttpOnly, Secure and SameSite=Lax on an install served over https', async () => {
    const user = await makeUser(payload, 'curator');
    const { setCookie } = await cookieLogin(user.email);
    // Browsers go by the attribute's name (Payload writes `HttpOnly=true`; RFC 6265 §5.2.6).
    const attributes = new Map(
      setCookie
        .split(';')
        .slice(1)
        .map((part) => {
          const [name = '', value = ''] = part.trim().split('=');
          return [name.toLowerCase(), value.toLowerCase()] as const;
        }),
    );
    expect(attributes.has('httponly')).toBe(true);
    expect(attributes.has('secure')).toBe(true);
    expect(attributes.get('samesite')).toBe('lax');
  });

  it('the browser’s device cookie (auth/deviceCookie.ts) is HttpOnly, Secure, SameSite=Strict, sent only to sign-in', async () => {
    const user = await makeUser(payload, 'curator');
    const response = await rest('POST', '/api/users/login', { body: { email: user.email, password } });
    const device = response.headers.getSetCookie().find((value) => value.startsWith('oyu-device-')) ?? '';
    expect(device).toMatch(/; Path=\/api\/users; Max-Age=\d+; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('counts only from the CMS’s own pages: a cross-site request with it is anonymous', async () => {
    const user = await makeUser(payload, 'curator');
    const { cookie } = await cookieLogin(user.email);
    const own = await me({ Cookie: cookie, Origin: 'https://cms.oyu.example' });
    expect(own.user?.email).toBe(user.email);
    const foreign = await me({ Cookie: cookie, Origin: 'https://evil.example' });
    expect(foreign.user).toBeNull();
    // A write from another site with the cookie is refused as anonymous, and changes nothing.
    const write = await rest('PATCH', `/api/users/${user.id}`, {
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      rawBody: JSON.stringify({ name: 'Changed from another site' }),
    });
    expect(write.status).toBe(403);
    const after = await payload.findByID({ collection: 'users', id: user.id });
    expect(after.name).not.toBe('Changed from another site');
  });
});

describe('sessions', () => {
  it('ends on logout: the token and the cookie no longer sign anyone in', async () => {
    const user = await makeUser(payload, 'curator');
    const { cookie, token } = await cookieLogin(user.email);
    const other = await login(user.email, password);
    expect((await me({ Authorization: `JWT ${token}` })).user?.email).toBe(user.email);
    const out = await rest('POST', '/api/users/logout', { token });
    expect(out.status).toBe(200);
    expect((await me({ Authorization: `JWT ${token}` })).user).toBeNull();
    expect((await me({ Cookie: cookie, Origin: 'https://cms.oyu.example' })).user).toBeNull();
    // Another device's session goes on.
    expect((await me({ Authorization: `JWT ${other}` })).user?.email).toBe(user.email);
  });

  it('all end when the password changes, but the one that changed it', async () => {
    const user = await makeUser(payload, 'curator');
    const stolen = await login(user.email, password);
    const mine = await login(user.email, password);
    const changed = await rest('PATCH', `/api/users/${user.id}`, {
      token: mine,
      body: { password: 'a new and longer passphrase' },
    });
    expect(changed.status).toBe(200);
    expect((await me({ Authorization: `JWT ${stolen}` })).user).toBeNull();
    expect((await me({ Authorization: `JWT ${mine}` })).user?.email).toBe(user.email);
    await expect(login(user.email, password)).rejects.toThrow(/401/);
    expect(await login(user.email, 'a new and longer passphrase')).toBeTruthy();
  });
});

describe('wrong passwords', () => {
  it('100 at once sign nobody in, answer no 500, and lock nobody out (auth/limits.ts)', async () => {
    const user = await makeUser(payload, 'curator');
    const attempts = await Promise.all(
      Array.from({ length: 100 }, () =>
        rest('POST', '/api/users/login', { body: { email: user.email, password: 'wrong guess' } }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 200)).toHaveLength(0);
    // Past the first few, the strangers' lane waits and the rest are refused before the
    // password is even checked.
    expect(new Set(attempts.map((attempt) => attempt.status))).toEqual(new Set([401, 429]));
    // No account lockout: the owner is not refused by the password check.
    expect(
      (await payload.login({ collection: 'users', data: { email: user.email, password } })).token,
    ).toBeTruthy();
  });
});
