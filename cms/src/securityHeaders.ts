/**
 * The CMS's response headers (next.config.ts): no page of it may be framed by another site,
 * no answer sniffed into another type, no address leaked to other sites in full. The admin gets
 * a Content-Security-Policy it works under (checked in Chromium by
 * scripts/tests/cmsServer.test.ts: sign in, edit a work, upload a photo, no violation), and the
 * API, photo files included, one that lets an answer opened on its own run nothing.
 */
type Header = { key: string; value: string };

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * Next.js writes its page data as inline scripts and Payload's admin styles elements inline,
 * hence 'unsafe-inline' for both; everything else comes from the CMS itself. Upload previews
 * are blob: URLs. `next dev` also evaluates code at run time.
 */
export function adminPolicy(production = process.env.NODE_ENV === 'production'): string {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
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

export function securityHeaders() {
  return [
    { source: '/:path*', headers: everywhere },
    { source: '/admin', headers: [{ key: 'Content-Security-Policy', value: adminPolicy() }] },
    { source: '/admin/:path*', headers: [{ key: 'Content-Security-Policy', value: adminPolicy() }] },
    { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiPolicy }] },
  ];
}
