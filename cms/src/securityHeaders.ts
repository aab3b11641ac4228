/**
 * The CMS's response headers, set by its server (cms/server.ts) on every answer: no page of it
 * may be framed by another site, no answer sniffed into another type, no address leaked to
 * other sites in full. The admin gets a Content-Security-Policy it works under (checked in
 * Chromium by scripts/tests/cmsServer.test.ts: sign in, edit a work, upload a photo, no
 * violation), and the API, photo files included, one that lets an answer opened on its own run
 * nothing. Set at run time, not in next.config: one build serves any address.
 */
type Header = { key: string; value: string };

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * Next.js writes its page data as inline scripts and Payload's admin styles elements inline,
 * hence 'unsafe-inline' for both; everything else comes from the CMS itself. Upload previews
 * are blob: URLs.
 */
export function adminPolicy(serverUrl: string): string {
  // The admin reads the API and photos at SERVER_URL, which may not be the address the admin
  // was opened at (localhost and 127.0.0.1 on one machine).
  const cms = new URL(serverUrl).origin;
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", cms, 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", cms],
    'media-src': ["'self'", cms, 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  });
}

/** JSON and photo files: nothing in them runs, even opened as a page of their own. */
export const apiPolicy = policy({
  'default-src': ["'none'"],
  'img-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  sandbox: [],
});

const everywhere: Header[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** The headers for an answer to `pathname`. */
export function securityHeaders(pathname: string, serverUrl: string): Header[] {
  if (pathname === '/admin' || pathname.startsWith('/admin/'))
    return [...everywhere, { key: 'Content-Security-Policy', value: adminPolicy(serverUrl) }];
  if (pathname.startsWith('/api/'))
    return [...everywhere, { key: 'Content-Security-Policy', value: apiPolicy }];
  return everywhere;
}
