import { createHash } from 'node:crypto';

/**
 * The security headers the static site is served with, written by each build as a `_headers`
 * file: Netlify and Cloudflare Pages read it as it is, `pnpm start`'s server applies it, and
 * docs/security.md shows the same headers for nginx and Caddy.
 *
 * The Content-Security-Policy allows scripts and style sheets from the site itself and, inline,
 * exactly those the build wrote: each inline script and `<style>` is allowed by its SHA-256.
 * Scripts or styles injected through content (a title, a biography) would have other hashes,
 * so a browser would refuse to run them even if escaping ever failed. Inline `style=""`
 * attributes (a photo's dominant colour, its proportions) are allowed: they cannot run code.
 */

/** The hashes of a page's inline scripts and style elements, as CSP sources. */
export type InlineHashes = { scripts: string[]; styles: string[] };

const script = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const style = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** Types a browser does not run: JSON-LD and other data blocks. */
function isData(attributes: string): boolean {
  const type = attributes.match(/\stype=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
  return value !== '' && value !== 'module' && !/^(text|application)\/(java|ecma)script$/.test(value);
}

export const cspHash = (content: string) =>
  `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;

export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const match of html.matchAll(script)) {
    const attributes = match[1] ?? '';
    if (/\ssrc=/i.test(attributes) || isData(attributes)) continue;
    scripts.add(cspHash(match[2] ?? ''));
  }
  for (const match of html.matchAll(style)) styles.add(cspHash(match[1] ?? ''));
  return { scripts: [...scripts], styles: [...styles] };
}

/** Several pages' hashes together, each once and in a stable order. */
export function mergeHashes(...all: (InlineHashes | undefined)[]): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const hashes of all) {
    for (const hash of hashes?.scripts ?? []) scripts.add(hash);
    for (const hash of hashes?.styles ?? []) styles.add(hash);
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

export function contentSecurityPolicy(hashes: InlineHashes): string {
  return [
    "default-src 'self'",
    // Pagefind's search runs as WebAssembly.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.scripts.join(' ')}`.trim(),
    `style-src 'self' ${hashes.styles.join(' ')}`.trim(),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every header each page is served with. */
export function securityHeaders(hashes: InlineHashes, siteUrl: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(hashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // Only over https: a browser remembers it, and a site on http would become unreachable.
    ...(siteUrl.startsWith('https://') ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/** Netlify's and Cloudflare Pages' `_headers` format: a path pattern, then indented headers. */
export function headersFile(headers: Record<string, string>): string {
  const block = (pattern: string, values: Record<string, string>) =>
    [pattern, ...Object.entries(values).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    block('/*', headers),
    // Astro's bundles and the photos never change under the same name.
    block('/_astro/*', { 'Cache-Control': 'public, max-age=31536000, immutable' }),
  ].join('\n\n')}\n`;
}
