import type { Payload } from 'payload';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// One reverse proxy in front of the CMS, as `TRUST_PROXY=1` says in production. Set before the
// config reads the environment, hence the imports below come after it.
process.env.TRUST_PROXY = '1';
const { makeUser, testPayload } = await import('../helpers');
const { graphql, password, rest } = await import('../rest');
const { clientAddress, countAttempt, resetSignInLimits, signInLimits, waitFor } = await import(
  '../../src/auth/limits'
);
const { recentSignInAlerts } = await import('../../src/auth/alerts');

/**
 * Sign-in attempts and password-reset requests are limited per client address (behind a
 * trusted proxy), right or wrong, and for everyone together when the address is unknown: one
 * address cannot try many accounts, nor flood the reset e-mail.
 */
let payload: Payload;
let email: string;
beforeAll(async () => {
  payload = await testPayload();
  email = (await makeUser(payload, 'curator')).email;
});
afterAll(async () => {
  await payload.destroy();
});
beforeEach(() => resetSignInLimits());

const signIn = (from: string | undefined, who = 'nobody@test.local', secret = 'wrong password') =>
  rest('POST', '/api/users/login', {
    body: { email: who, password: secret },
    headers: from ? { 'X-Forwarded-For': from } : {},
  });

describe('the client address', () => {
  it('is believed from X-Forwarded-For only as far as the trusted proxies go', () => {
    const headers = (value: string) => new Headers({ 'x-forwarded-for': value });
    expect(clientAddress(headers('203.0.113.7'), 0)).toBeUndefined();
    expect(clientAddress(headers('203.0.113.7'), 1)).toBe('203.0.113.7');
    // Whatever the client wrote before the proxy's entry is not believed.
    expect(clientAddress(headers('10.9.9.9, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(headers('198.51.100.1, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
    expect(clientAddress(headers('203.0.113.7'), 2)).toBeUndefined();
    expect(clientAddress(new Headers(), 1)).toBeUndefined();
  });
});

describe('sign-in attempts', () => {
  it(`are refused with a 429 after ${signInLimits.perAddress} from one address, right or wrong; other addresses go on`, async () => {
    for (let n = 0; n < signInLimits.perAddress; n += 1) {
      // Each a different e-mail: no account's own lane is what stops them.
      const result = await signIn(
        '203.0.113.7',
        n === 0 ? email : `nobody-${n}@test.local`,
        n === 0 ? password : undefined,
      );
      expect(result.status, `attempt ${n + 1}`).toBe(n === 0 ? 200 : 401);
    }
    const refused = await signIn('203.0.113.7', email, password);
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].message).toMatch(
      /^Too many sign-in attempts from your address: try again in \d+ minute/,
    );
    // Writing another address in front of the proxy's entry changes nothing.
    expect((await signIn('10.1.1.1, 203.0.113.7', email, password)).status).toBe(429);
    // Another address, and the right password, still get in.
    expect((await signIn('198.51.100.20', email, password)).status).toBe(200);
  });

  it('do not count for server code signing someone in', async () => {
    for (let n = 0; n < signInLimits.perAddress + 2; n += 1) {
      await payload.login({ collection: 'users', data: { email, password } });
    }
    expect((await signIn('203.0.113.9', email, password)).status).toBe(200);
  });
});

/** The device cookie a successful sign-in set, as a Cookie header. */
const deviceCookieOf = (result: { headers: Headers }) =>
  result.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('oyu-device-'))
    ?.split(';')[0];

describe('a stranger flooding an account', () => {
  it('slows only the strangers: the owner signs in from a known browser; no lockout, no 500', async () => {
    const owner = await makeUser(payload, 'admin');
    const first = await signIn(undefined, owner.email, password);
    expect(first.status).toBe(200);
    const cookie = deviceCookieOf(first);
    expect(cookie).toMatch(/^oyu-device-\d+=/);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('oyu-device-'))).toMatch(
      /HttpOnly; SameSite=Strict/,
    );

    const flood = await Promise.all(Array.from({ length: 100 }, () => signIn(undefined, owner.email)));
    const statuses = flood.map((result) => result.status);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    // Each attempt counts before its password is checked: a hundred at once are a hundred.
    expect(statuses.filter((status) => status === 401)).toHaveLength(signInLimits.free);
    const refused = flood.find((result) => result.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused?.json.errors[0].message).toMatch(
      /^Too many sign-in attempts for this account from browsers it has not signed in from\. A password reset link lets you in at once; or wait: try again in \d+ second/,
    );
    // The right password from a stranger's browser waits too …
    expect((await signIn(undefined, owner.email, password)).status).toBe(429);
    // … but the owner's browser is not slowed down, and Payload locked nothing.
    const known = await rest('POST', '/api/users/login', {
      body: { email: owner.email, password },
      headers: { Cookie: cookie ?? '' },
    });
    expect(known.status, known.text.slice(0, 200)).toBe(200);
    expect(
      (await payload.login({ collection: 'users', data: { email: owner.email, password } })).token,
    ).toBeTruthy();
  });

  it('says how long to wait in the admin’s language', async () => {
    const owner = await makeUser(payload, 'curator');
    const ask = () =>
      rest('POST', '/api/users/login', {
        body: { email: owner.email, password: 'wrong' },
        headers: { 'Accept-Language': 'ru' },
      });
    for (let n = 0; n < signInLimits.free; n += 1) expect((await ask()).status).toBe(401);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].message).toMatch(
      /^Слишком много попыток войти в эту учётную запись .*: попробуйте снова через \d+ с\.$/,
    );
  });

  it('a forged or another account’s device cookie counts as a stranger', async () => {
    const owner = await makeUser(payload, 'curator');
    const other = await makeUser(payload, 'curator');
    const otherCookie = deviceCookieOf(await signIn(undefined, other.email, password)) ?? '';
    for (let n = 0; n < signInLimits.free; n += 1) await signIn(undefined, owner.email);
    const [name, value] = otherCookie.split('=');
    for (const cookie of [
      otherCookie.replace(`oyu-device-${other.id}`, `oyu-device-${owner.id}`),
      `${name?.replace(String(other.id), String(owner.id))}=${value?.split('.')[0]}.forged-signature`,
    ]) {
      const result = await rest('POST', '/api/users/login', {
        body: { email: owner.email, password },
        headers: { Cookie: cookie },
      });
      expect(result.status, cookie).toBe(429);
    }
  });

  it('a known browser gets five wrong passwords too, then waits, as its own lane', async () => {
    const owner = await makeUser(payload, 'curator');
    const cookie = deviceCookieOf(await signIn(undefined, owner.email, password)) ?? '';
    const fromBrowser = (secret: string) =>
      rest('POST', '/api/users/login', {
        body: { email: owner.email, password: secret },
        headers: { Cookie: cookie },
      });
    for (let n = 0; n < signInLimits.free; n += 1) expect((await fromBrowser('wrong')).status).toBe(401);
    const slowed = await fromBrowser(password);
    expect(slowed.status).toBe(429);
    expect(slowed.json.errors[0].message).toMatch(/^Too many wrong passwords from this browser/);
    // A stranger's lane is another: it still gets its own five.
    expect((await signIn(undefined, owner.email)).status).toBe(401);
  });

  it('a reset link lets the owner in from a new browser at once', async () => {
    const owner = await makeUser(payload, 'curator');
    for (let n = 0; n < signInLimits.free + 1; n += 1) await signIn(undefined, owner.email);
    expect((await signIn(undefined, owner.email, password)).status).toBe(429);
    const token = await payload.forgotPassword({
      collection: 'users',
      data: { email: owner.email },
      disableEmail: true,
    });
    const reset = await rest('POST', '/api/users/reset-password', {
      body: { token, password: 'a brand new passphrase' },
    });
    expect(reset.status, reset.text.slice(0, 200)).toBe(200);
    expect((await signIn(undefined, owner.email, 'a brand new passphrase')).status).toBe(200);
  });

  it('the admin is told: the account, how many attempts, since when; nothing for e-mails with no account', async () => {
    const owner = await makeUser(payload, 'organiser');
    for (let n = 0; n < signInLimits.free + 1; n += 1) await signIn(undefined, owner.email);
    for (let n = 0; n < signInLimits.free + 1; n += 1) await signIn(undefined, 'nobody-here@test.local');
    await expect
      .poll(async () => (await recentSignInAlerts(payload)).find((alert) => alert.email === owner.email))
      .toMatchObject({ email: owner.email, attempts: signInLimits.free });
    expect((await recentSignInAlerts(payload)).map((alert) => alert.email)).not.toContain(
      'nobody-here@test.local',
    );
  });

  it('waits grow from one second, doubling, to at most fifteen minutes, and a quiet day forgets', () => {
    const t0 = 1_000_000_000;
    const waits: number[] = [];
    for (let n = 0; n < 20; n += 1) {
      countAttempt('lane:test', t0 + n);
      waits.push(waitFor('lane:test', t0 + n));
    }
    expect(waits.slice(0, signInLimits.free - 1)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(signInLimits.free - 1, signInLimits.free + 3)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(15 * 60 * 1000);
    expect(waitFor('lane:test', t0 + 25 * 60 * 60 * 1000)).toBe(0);
  });

  it('over GraphQL, signing in and resets are not offered: the limits apply to REST in full', async () => {
    const result = await graphql(
      `mutation { loginUser(email: "${email}", password: "${password}") { token } }`,
    );
    expect(JSON.stringify(result.json)).toMatch(/Cannot query field|loginUser/);
    expect(result.json.data?.loginUser?.token ?? null).toBeNull();
  });
});

describe('which accounts exist does not show', () => {
  /** Median milliseconds of `times` calls, interleaved with the other kind by the caller. */
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

  it('in how long a wrong sign-in takes', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let n = 0; n < 9; n += 1) {
      resetSignInLimits();
      for (const [who, into] of [
        [email, known],
        [`nobody-${n}@test.local`, unknown],
      ] as const) {
        const started = performance.now();
        expect((await signIn(undefined, who)).status).toBe(401);
        into.push(performance.now() - started);
      }
    }
    // Payload's check of a real password (PBKDF2, 600,000 rounds) is spent on both; without it
    // an unknown e-mail is answered several times faster than a known one.
    expect(median(unknown) / median(known), JSON.stringify({ known, unknown })).toBeGreaterThan(0.6);
  });

  it('in what a reset request answers', async () => {
    const answers = new Set<string>();
    for (let n = 0; n < 3; n += 1) {
      resetSignInLimits();
      for (const who of [email, `nobody-${n}@test.local`]) {
        const result = await rest('POST', '/api/users/forgot-password', { body: { email: who } });
        answers.add(`${result.status} ${result.text}`);
      }
    }
    expect([...answers]).toHaveLength(1);
    // The reset is made after the answer, so a real account's answer does not wait for it.
    await expect
      .poll(
        async () =>
          (
            await payload.find({
              collection: 'users',
              where: { email: { equals: email } },
              showHiddenFields: true,
            })
          ).docs[0]?.resetPasswordToken,
      )
      .toBeTruthy();
  });
});

describe('password-reset requests', () => {
  const ask = (from: string, who: string) =>
    rest('POST', '/api/users/forgot-password', {
      body: { email: who },
      headers: { 'X-Forwarded-For': from },
    });

  it('say what to fix when the e-mail is missing', async () => {
    const result = await rest('POST', '/api/users/forgot-password', { body: {} });
    expect(result.status).toBe(400);
    expect(result.json.errors[0].message).toMatch(/^Give the e-mail address of your account/);
  });

  it('are answered (Payload’s own reservation failed with a 500 on SQLite)', async () => {
    const result = await ask('203.0.113.31', email);
    expect(result.status, result.text.slice(0, 200)).toBe(200);
  });

  it(`are refused with a 429 after ${signInLimits.resetsPerAccount} for one account, from any address, whether it exists or not`, async () => {
    for (const who of [email, 'no-such-account@test.local']) {
      for (let n = 0; n < signInLimits.resetsPerAccount; n += 1) {
        expect((await ask(`203.0.113.${40 + n}`, who)).status).toBe(200);
      }
      const refused = await ask('203.0.113.99', who.toUpperCase());
      expect(refused.status).toBe(429);
      expect(refused.json.errors[0].message).toMatch(
        /^A reset e-mail was asked for this account 3 times already/,
      );
    }
  });

  it(`are refused with a 429 after ${signInLimits.perAddress} from one address`, async () => {
    for (let n = 0; n < signInLimits.perAddress; n += 1) {
      expect((await ask('203.0.113.30', `someone-${n}@test.local`)).status).toBe(200);
    }
    expect((await ask('203.0.113.30', 'someone-else@test.local')).status).toBe(429);
  });
});
