import { createHmac, timingSafeEqual } from 'node:crypto';
import { type PreviewRefusal, previewCollections } from '@oyu/shared-types';
import { z } from 'zod';

/**
 * Signed preview links. A token is `<claims>.<signature>`, both base64url: the claims say which
 * document, for whom and until when; the signature is an HMAC-SHA256 under a key derived from
 * PAYLOAD_SECRET, so a token cannot be made or altered without the secret, and changing the
 * secret voids every link. Nothing is stored: a link works until it expires.
 */

const ClaimsSchema = z.object({
  /** Collection. */
  c: z.enum(previewCollections),
  /** Document id. */
  id: z.number().int().positive(),
  /** The user who asked for the link: the document is read with their rights. */
  u: z.number().int().positive(),
  /** Expiry, in seconds since the epoch. */
  exp: z.number().int().positive(),
});
export type PreviewClaims = z.infer<typeof ClaimsSchema>;

/** Longer tokens are refused before any work is done on them. */
const maxTokenLength = 512;
const base64url = /^[A-Za-z0-9_-]+$/;

/** A key for preview links alone, so a signature made here is useless anywhere else. */
function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('oyu preview links v1').digest();
}

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', linkKey(secret)).update(body).digest();
}

export function signPreviewToken(claims: PreviewClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(ClaimsSchema.parse(claims))).toString('base64url');
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

export type PreviewCheck =
  | { ok: true; claims: PreviewClaims; expiresAt: Date }
  | { ok: false; code: Extract<PreviewRefusal, 'malformed' | 'altered' | 'expired'>; message: string };

const again = 'Open the draft in the CMS and press Preview for a new link.';

/** Checks a token's form, then its signature, then its expiry, in that order. */
export function verifyPreviewToken(token: string, secret: string, now = Date.now()): PreviewCheck {
  const parts = token.length <= maxTokenLength ? token.split('.') : [];
  const [body, signature] = parts;
  if (parts.length !== 2 || !body || !signature || !base64url.test(body) || !base64url.test(signature)) {
    return { ok: false, code: 'malformed', message: `This preview link is incomplete or damaged. ${again}` };
  }
  // Compared as text: base64url has several spellings of the same bytes, and each is refused
  // but the one this code writes.
  const expected = Buffer.from(sign(body, secret).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      code: 'altered',
      message: `This preview link has been altered and is refused. ${again}`,
    };
  }
  let claims: PreviewClaims;
  try {
    claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    // Signed by us but not in today's form: a link from an older version.
    return { ok: false, code: 'malformed', message: `This preview link is from an older version. ${again}` };
  }
  const expiresAt = new Date(claims.exp * 1000);
  if (expiresAt.getTime() <= now) {
    return {
      ok: false,
      code: 'expired',
      message: `This preview link expired at ${expiresAt.toISOString()}. ${again}`,
    };
  }
  return { ok: true, claims, expiresAt };
}
