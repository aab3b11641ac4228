import type { APIRoute } from 'astro';

/** Everything public may be indexed; the sitemap lists every page in every language. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site).toString()}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
