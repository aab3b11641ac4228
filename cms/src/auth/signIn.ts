import crypto from 'node:crypto';
import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload';
import { recordSignInAlert } from './alerts';
import { deviceCookie, knownDevice } from './deviceCookie';
import {
  allowAttempt,
  clearLane,
  clientAddress,
  countAttempt,
  signInLimits,
  waitFor,
  windowWait,
} from './limits';
import { type AuthMessage, authMessage } from './messages';

/** The lane a sign-in counted in, for the hooks after it (auth/limits.ts). */
const laneKey = 'oyu:signInLane';

export const normalEmail = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toLowerCase();

/** A 429 that says how long to wait, in the reader's language, with Retry-After for programs. */
export function tooMany(req: PayloadRequest, waitMs: number, message: AuthMessage): never {
  const headers = req.responseHeaders ?? new Headers();
  headers.set('Retry-After', String(Math.ceil(waitMs / 1000)));
  req.responseHeaders = headers;
  throw new APIError(authMessage(message, req.i18n?.language, waitMs), 429);
}

/** A request that came in through the REST or GraphQL API, not a call in server code. */
export function isOverHttp(req: PayloadRequest): boolean {
  return req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL';
}

/**
 * What checking a password costs (Payload's current PBKDF2 parameters), spent on e-mails with
 * no account, so that the answer takes as long as for a real account with a wrong password;
 * without it an unknown e-mail is answered several times faster, which tells who has an account
 * (docs/performance.notes.md).
 */
const spendPasswordCheck = (password: string) =>
  new Promise<void>((resolve) =>
    crypto.pbkdf2(password, 'oyu-no-account', 600_000, 32, 'sha256', () => resolve()),
  );

/** Limits a sign-in by its lane (auth/limits.ts), before the password is checked. */
export const limitSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || !isOverHttp(req)) return args;
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data;
  const email = normalEmail(data?.email);
  const address = clientAddress(req.headers);
  if (address && !allowAttempt(`address:${address}`, signInLimits.perAddress)) {
    tooMany(req, windowWait(`address:${address}`), 'address');
  }
  const account = email
    ? await req.payload.db.findOne<{ id: number }>({
        collection: 'users',
        where: { email: { equals: email } },
        select: { id: true },
      })
    : null;
  const device = account ? knownDevice(req.headers, account.id) : undefined;
  const lane = device ? `device:${account?.id}:${device}` : `account:${email}`;
  const wait = waitFor(lane);
  if (wait > 0) {
    tooMany(req, wait, device ? 'browser' : 'account');
  }
  const attempts = countAttempt(lane);
  req.context[laneKey] = lane;
  if (account && !device && attempts >= signInLimits.free) {
    // Not awaited: the answer must take as long whether the account exists or not.
    void recordSignInAlert(req.payload, email, attempts).catch((error: Error) =>
      req.payload.logger.error(`Could not record repeated sign-in failures: ${error.message}`),
    );
  }
  if (!account) await spendPasswordCheck(String(data?.password ?? ''));
  return args;
};

/** A right password empties its lane and marks the browser as one the account knows. */
export const rememberDevice: CollectionAfterLoginHook = ({ req, user }) => {
  const lane = req.context[laneKey];
  if (typeof lane === 'string') clearLane(lane);
  if (!isOverHttp(req)) return;
  const headers = req.responseHeaders ?? new Headers();
  headers.append('Set-Cookie', deviceCookie(user.id, knownDevice(req.headers, user.id)));
  req.responseHeaders = headers;
};

/** A password set through a reset link proves the owner: the strangers' lane starts over. */
export const clearAfterReset: CollectionAfterOperationHook = ({ operation, result }) => {
  if (operation !== 'resetPassword') return result;
  const email = (result as { user?: { email?: string } } | undefined)?.user?.email;
  if (email) clearLane(`account:${normalEmail(email)}`);
  return result;
};
