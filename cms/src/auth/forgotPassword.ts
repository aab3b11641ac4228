import { APIError, addDataAndFileToRequest, type Endpoint, headersWithCors } from 'payload';
import { allowAttempt, clientAddress, signInLimits, windowWait } from './limits';
import { authMessage } from './messages';
import { normalEmail, tooMany } from './signIn';

/**
 * `POST /api/users/forgot-password`, in place of Payload's: the answer is the same, and as
 * quick, whether the e-mail has an account or not. Payload's own endpoint writes the token and
 * sends the e-mail before it answers, so its answer takes measurably longer for a real account
 * (docs/performance.notes.md). The reset itself is Payload's, done after the answer. Requests
 * are limited per client address (behind TRUST_PROXY) and per e-mail asked for, existing or not.
 */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req);
    const email = normalEmail((req.data as { email?: unknown } | undefined)?.email);
    if (!email?.includes('@')) {
      throw new APIError(authMessage('noEmail', req.i18n?.language), 400);
    }
    const address = clientAddress(req.headers);
    if (address && !allowAttempt(`address:${address}`, signInLimits.perAddress)) {
      tooMany(req, windowWait(`address:${address}`), 'address');
    }
    if (!allowAttempt(`reset:${email}`, signInLimits.resetsPerAccount)) {
      tooMany(req, windowWait(`reset:${email}`), 'resets');
    }
    const { payload } = req;
    void payload
      .forgotPassword({ collection: 'users', data: { email } })
      .catch((error: Error) =>
        payload.logger.error(`Could not send a password reset e-mail: ${error.message}`),
      );
    return Response.json(
      { message: req.t('general:success') },
      { headers: headersWithCors({ headers: new Headers(), req }) },
    );
  },
};
