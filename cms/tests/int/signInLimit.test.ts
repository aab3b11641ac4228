import type { Payload } from 'payload';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// One reverse proxy in front of the CMS, as `TRUST_PROXY=1` says in production. Set before the
// config reads the environment, hence the imports below come after it.
process.env.TRUST_PROXY = '1';
const { makeUser, testPayload } = await import('../helpers');
const { password, rest } = await import('../rest');
const { clientAddress, resetSignInLimits, signInLimits } = await import('../../src/hooks/limitSignIns');

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
      const result = await signIn('203.0.113.7', n === 0 ? email : undefined, n === 0 ? password : undefined);
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

  it(`are limited to ${signInLimits.perAccount} per account when the address is unknown, so one flood locks nobody else out`, async () => {
    const results = await Promise.all(
      Array.from({ length: signInLimits.perAccount + 5 }, () => signIn(undefined, 'flooded@test.local')),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(signInLimits.perAccount);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const refused = results.find((result) => result.status === 429);
    expect(refused?.json.errors[0].message).toMatch(/^Too many sign-in attempts for this account/);
    // Another account, from an unknown address, and an address behind the proxy still get in.
    expect((await signIn(undefined, email, password)).status).toBe(200);
    expect((await signIn('203.0.113.8', email, password)).status).toBe(200);
  });

  it('do not count for server code signing someone in', async () => {
    for (let n = 0; n < signInLimits.perAddress + 2; n += 1) {
      await payload.login({ collection: 'users', data: { email, password } });
    }
    expect((await signIn('203.0.113.9', email, password)).status).toBe(200);
  });
});

describe('password-reset requests', () => {
  const ask = (from: string, who: string) =>
    rest('POST', '/api/users/forgot-password', {
      body: { email: who },
      headers: { 'X-Forwarded-For': from },
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
