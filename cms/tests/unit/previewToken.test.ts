import { describe, expect, it } from 'vitest';
import { type PreviewClaims, signPreviewToken, verifyPreviewToken } from '../../src/endpoints/previewToken';

const secret = 'a-test-secret-of-at-least-32-characters';
const now = Date.UTC(2026, 10, 27, 12, 0, 0);
const claims: PreviewClaims = { c: 'works', id: 12, u: 3, exp: now / 1000 + 1800 };

/** Changes the character at `index` to another one of the base64url alphabet. */
function alter(token: string, index: number): string {
  const swapped = token[index] === 'A' ? 'B' : 'A';
  return `${token.slice(0, index)}${swapped}${token.slice(index + 1)}`;
}

describe('preview tokens', () => {
  it('accept their own link until it expires, and give back what they carry', () => {
    const token = signPreviewToken(claims, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const check = verifyPreviewToken(token, secret, now);
    expect(check).toEqual({ ok: true, claims, expiresAt: new Date(claims.exp * 1000) });
    expect(verifyPreviewToken(token, secret, claims.exp * 1000 - 1).ok).toBe(true);
  });

  it('refuse a link at and after its expiry, saying when it expired', () => {
    const token = signPreviewToken(claims, secret);
    for (const at of [claims.exp * 1000, claims.exp * 1000 + 86_400_000]) {
      const check = verifyPreviewToken(token, secret, at);
      expect(check).toMatchObject({ ok: false, code: 'expired' });
      expect(!check.ok && check.message).toContain('2026-11-27T12:30:00.000Z');
    }
  });

  it('refuse a link altered at any position', () => {
    const token = signPreviewToken(claims, secret);
    for (let index = 0; index < token.length; index += 1) {
      if (token[index] === '.') continue;
      const check = verifyPreviewToken(alter(token, index), secret, now);
      expect(check.ok, `altered at ${index}`).toBe(false);
      expect(['altered', 'malformed']).toContain(!check.ok && check.code);
    }
  });

  it('refuse another spelling of the same signature', () => {
    const token = signPreviewToken(claims, secret);
    // The last of 43 base64url characters carries 4 bits of the signature and 2 unused ones.
    const last = token.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBits = alphabet[alphabet.indexOf(last) ^ 1] as string;
    const respelled = `${token.slice(0, -1)}${sameBits}`;
    expect(Buffer.from(respelled.split('.')[1] as string, 'base64url')).toEqual(
      Buffer.from(token.split('.')[1] as string, 'base64url'),
    );
    expect(verifyPreviewToken(respelled, secret, now)).toMatchObject({ ok: false, code: 'altered' });
  });

  it('refuse claims swapped in from another valid link', () => {
    const mine = signPreviewToken(claims, secret);
    const other = signPreviewToken({ ...claims, id: 13 }, secret);
    const forged = `${other.split('.')[0]}.${mine.split('.')[1]}`;
    expect(verifyPreviewToken(forged, secret, now)).toMatchObject({ ok: false, code: 'altered' });
  });

  it('refuse a link signed with another secret, as after the secret is changed', () => {
    const token = signPreviewToken(claims, 'another-secret-of-at-least-32-characters');
    expect(verifyPreviewToken(token, secret, now)).toMatchObject({ ok: false, code: 'altered' });
  });

  it.each([
    ['empty', ''],
    ['no signature', 'abc'],
    ['three parts', 'a.b.c'],
    ['not base64url', 'a+b.c/d'],
    ['too long', `${'a'.repeat(600)}.b`],
  ])('call a %s link damaged', (_, token) => {
    expect(verifyPreviewToken(token, secret, now)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('refuse the claims of a link made by a different version, even when correctly signed', async () => {
    const { createHmac } = await import('node:crypto');
    const body = Buffer.from(JSON.stringify({ c: 'works', id: 12, exp: claims.exp })).toString('base64url');
    const key = createHmac('sha256', secret).update('oyu preview links v1').digest();
    const signature = createHmac('sha256', key).update(body).digest('base64url');
    expect(verifyPreviewToken(`${body}.${signature}`, secret, now)).toMatchObject({
      ok: false,
      code: 'malformed',
    });
  });

  it('never sign claims that do not describe a previewable document', () => {
    expect(() => signPreviewToken({ ...claims, c: 'users' as 'works' }, secret)).toThrow();
    expect(() => signPreviewToken({ ...claims, id: 0 }, secret)).toThrow();
  });
});
