/** A request target a server will handle: origin-form, decodable, not climbing out. */
export type Target = {
  /** The path as sent, still percent-encoded. */
  path: string;
  /** The path decoded: what the site server looks up on disk. */
  decoded: string;
  /** `?…` as sent, or ''. */
  query: string;
};

/**
 * Checks a raw request target, for the site server (scripts/lib/siteServer.ts) and the CMS's
 * (cms/server.ts), before anything else reads it: Node's own parser lets through what made
 * the site server stop and Next answer 500. Only origin-form (`/path?query`) in printable ASCII
 * is a URL of either: absolute-form, `*` and `//host` are not, and neither is a path that does not
 * decode, decodes to a control character (NUL among them) or a backslash, or climbs with `..`.
 * Browsers percent-encode everything else, so no page is lost. Longer targets than `maxLength`
 * are refused too.
 */
export function parseTarget(raw: string | undefined, maxLength = 4096): Target | null {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.length > maxLength) return null;
  if (!/^[\x21-\x7e]+$/.test(raw) || raw.includes('\\')) return null;
  const at = raw.indexOf('?');
  const rawPath = at === -1 ? raw : raw.slice(0, at);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\x00-\x1f\x7f\\]/.test(decoded) || decoded.split('/').includes('..')) return null;
  return { path: rawPath, decoded, query: at === -1 ? '' : raw.slice(at) };
}
