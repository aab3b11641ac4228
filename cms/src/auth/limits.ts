import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload';
import { env } from '../env';

/**
 * How many sign-in attempts (and password-reset requests) one client may make in a window,
 * right or wrong, and how many reset e-mails one account may be sent. The account lockout (five wrong passwords lock one account for ten minutes)
 * stops guessing one password; this stops one address trying many accounts, and flooding the
 * reset e-mail.
 */
export const signInLimits = {
  /** Per client address, when the CMS knows it (TRUST_PROXY). */
  perAddress: 20,
  /**
   * Per account when it does not: one limit for everyone together would let one flood lock
   * every curator out.
   */
  perAccount: 20,
  /** Reset e-mails asked for one account, from anywhere. */
  resetsPerAccount: 3,
  windowMs: 10 * 60 * 1000,
} as const;

/**
 * The client's address, or undefined when the CMS cannot know it. A Next.js route sees no
 * socket, only headers, and `X-Forwarded-For` can be written by anyone: it is believed only
 * with TRUST_PROXY set to the number of proxies in front of the CMS (1 for one nginx or Caddy),
 * and then only the entry the outermost of them added.
 */
export function clientAddress(headers: Headers, trustedProxies = env.trustProxy): string | undefined {
  if (trustedProxies < 1) return undefined;
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain.length >= trustedProxies ? chain[chain.length - trustedProxies] : undefined;
}

/** Attempts per key in the current window, oldest first. */
const attempts = new Map<string, number[]>();

/** Records one attempt for `key`; false when the key is over `limit` in the window. */
export function allowAttempt(key: string, limit: number, now = Date.now()): boolean {
  const since = now - signInLimits.windowMs;
  const recent = (attempts.get(key) ?? []).filter((time) => time > since);
  if (recent.length >= limit) {
    attempts.set(key, recent);
    return false;
  }
  recent.push(now);
  attempts.set(key, recent);
  // Forget keys that went quiet, so the map does not grow with every address ever seen.
  if (attempts.size > 10_000) {
    for (const [other, times] of attempts) if (!times.some((time) => time > since)) attempts.delete(other);
  }
  return true;
}

/** Forgets every attempt (tests). */
export function resetSignInLimits(): void {
  attempts.clear();
}

function minutesLeft(key: string, now = Date.now()): number {
  const oldest = attempts.get(key)?.[0] ?? now;
  return Math.max(1, Math.ceil((oldest + signInLimits.windowMs - now) / 60_000));
}

/** Refuses a sign-in or reset request over the limit with a 429 that says how long to wait. */
export const limitSignIns: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args;
  // Server code signing someone in (tests, scripts) is not a client.
  if (!isOverHttp(req)) return args;
  const address = clientAddress(req.headers);
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .trim()
    .toLowerCase();
  const key = address ? `address:${address}` : `account:${email}`;
  const limit = address ? signInLimits.perAddress : signInLimits.perAccount;
  if (!allowAttempt(key, limit)) {
    throw new APIError(
      `Too many sign-in attempts ${address ? 'from your address' : 'for this account'}: try again in ${minutesLeft(key)} minute(s).`,
      429,
    );
  }
  if (operation === 'forgotPassword') {
    // Counted by the address asked for, whether or not it has an account: the answer says
    // nothing about which e-mails are registered.
    const account = `reset:${email}`;
    if (email && !allowAttempt(account, signInLimits.resetsPerAccount)) {
      throw new APIError(
        `A reset e-mail was asked for this account ${signInLimits.resetsPerAccount} times already: try again in ${minutesLeft(account)} minute(s).`,
        429,
      );
    }
  }
  return args;
};

/** A request that came in through the REST or GraphQL API, not a call in server code. */
function isOverHttp(req: PayloadRequest): boolean {
  return req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL';
}
