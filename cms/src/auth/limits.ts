import { env } from '../env';

/**
 * How often sign-in may be tried, in lanes that cannot be turned against an account's owner.
 *
 * Payload's own lockout (five wrong passwords lock the account for everyone) let a stranger
 * keep the only admin out for good by trying five passwords every ten minutes. Here nothing
 * locks an account. Each attempt counts in a lane before its password is checked (so a
 * hundred sent at once count as a hundred); after `free` attempts in a lane, the next must
 * wait, twice as long each time, up to `longestWaitMs`. A right password empties the lane.
 * The lanes:
 *  - a browser the account signed in from before (its device cookie, auth/deviceCookie.ts);
 *  - everyone else trying that e-mail address, signed in or not, whether or not it exists;
 *  - one client address, when the CMS knows it (TRUST_PROXY): many accounts from one place.
 * A flood therefore slows the strangers' lane only: the owner signs in from a known browser
 * as usual, and from a new one after a reset link (which empties the lane) or the wait.
 */
export const signInLimits = {
  /** Attempts a lane may make before each must wait. */
  free: 5,
  /** The first wait, doubled at each later attempt. */
  firstWaitMs: 1000,
  longestWaitMs: 15 * 60 * 1000,
  /** A lane quiet this long starts over. */
  forgetAfterMs: 24 * 60 * 60 * 1000,
  /** Per client address, when known: attempts in a window, right or wrong. */
  perAddress: 20,
  /** Reset e-mails asked for one account, from anywhere. */
  resetsPerAccount: 3,
  windowMs: 10 * 60 * 1000,
} as const;

type Lane = { attempts: number; last: number; nextAt: number };
const lanes = new Map<string, Lane>();

/** Milliseconds to wait before the lane may try again, 0 when it may now. */
export function waitFor(key: string, now = Date.now()): number {
  const lane = lanes.get(key);
  if (!lane || now - lane.last > signInLimits.forgetAfterMs) return 0;
  return Math.max(0, lane.nextAt - now);
}

/** Counts one attempt in a lane; returns how many it has made. Call after `waitFor` says 0. */
export function countAttempt(key: string, now = Date.now()): number {
  const previous = lanes.get(key);
  const attempts = previous && now - previous.last <= signInLimits.forgetAfterMs ? previous.attempts + 1 : 1;
  // After the last free attempt the next waits the first wait, then twice as long each time.
  const over = attempts - signInLimits.free;
  const wait =
    over >= 0 ? Math.min(signInLimits.longestWaitMs, signInLimits.firstWaitMs * 2 ** Math.min(over, 30)) : 0;
  lanes.set(key, { attempts, last: now, nextAt: now + wait });
  forgetQuiet(now);
  return attempts;
}

/** Empties a lane: its owner got in, or proved it by a reset link. */
export function clearLane(key: string): void {
  lanes.delete(key);
}

/** Attempts per key in the current window (the per-address limit), oldest first. */
const windows = new Map<string, number[]>();

/** Records one attempt for `key`; false when the key is over `limit` in the window. */
export function allowAttempt(key: string, limit: number, now = Date.now()): boolean {
  const since = now - signInLimits.windowMs;
  const recent = (windows.get(key) ?? []).filter((time) => time > since);
  if (recent.length >= limit) {
    windows.set(key, recent);
    return false;
  }
  recent.push(now);
  windows.set(key, recent);
  forgetQuiet(now);
  return true;
}

/** Milliseconds until a windowed key may try again. */
export function windowWait(key: string, now = Date.now()): number {
  const oldest = windows.get(key)?.[0] ?? now;
  return Math.max(1000, oldest + signInLimits.windowMs - now);
}

/** Forgets keys that went quiet, so the maps do not grow with every address ever seen. */
function forgetQuiet(now: number) {
  if (lanes.size > 10_000) {
    for (const [key, lane] of lanes) if (now - lane.last > signInLimits.forgetAfterMs) lanes.delete(key);
  }
  if (windows.size > 10_000) {
    const since = now - signInLimits.windowMs;
    for (const [key, times] of windows) if (!times.some((time) => time > since)) windows.delete(key);
  }
}

/** Forgets every attempt (tests). */
export function resetSignInLimits(): void {
  lanes.clear();
  windows.clear();
}

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
