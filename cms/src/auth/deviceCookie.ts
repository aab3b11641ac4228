import crypto from 'node:crypto';
import { env } from '../env';

/**
 * A browser an account has signed in from before carries a cookie that says so: the account's
 * id and a random device id, signed with the CMS's secret. Its sign-in attempts count in a lane
 * of their own (auth/limits.ts), so strangers trying the account's e-mail cannot slow its owner
 * down. It grants nothing else: a password is still needed, and a stolen cookie only gives its
 * thief the owner's lane, which slows down after five wrong passwords like any other.
 */
const cookiePrefix = 'oyu-device-';
const maxAgeSeconds = 365 * 24 * 60 * 60;

const sign = (value: string) =>
  crypto.createHmac('sha256', `oyu-device:${env.payloadSecret}`).update(value).digest('base64url');

/** The device id the request's cookie proves for this account, if any. */
export function knownDevice(headers: Headers, userId: number | string): string | undefined {
  const cookies = headers.get('cookie') ?? '';
  const name = `${cookiePrefix}${userId}=`;
  const value = cookies
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(name))
    ?.slice(name.length);
  const [device, signature] = (value ?? '').split('.');
  if (!device || !signature) return undefined;
  const expected = sign(`${userId}.${device}`);
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted) ? device : undefined;
}

/** A Set-Cookie value marking this browser as one the account signed in from. */
export function deviceCookie(userId: number | string, device = crypto.randomBytes(16).toString('base64url')) {
  const secure = env.serverUrl.startsWith('https://') ? '; Secure' : '';
  // Sent only with sign-in requests, never read by scripts, never sent by other sites.
  return `${cookiePrefix}${userId}=${device}.${sign(`${userId}.${device}`)}; Path=/api/users; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
}
