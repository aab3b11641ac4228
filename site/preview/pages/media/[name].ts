import type { APIRoute } from 'astro';
import { readEnv } from '../../../src/env';
import { fetchPreviewMedia } from '../../../src/lib/cms';
import { parsePreviewMediaName } from '../../../src/lib/preview';

/** `/preview/media/<token>~<file>`: a photo of a preview page, fetched from the CMS with its link. */
export const GET: APIRoute = async ({ params }) => {
  const parsed = parsePreviewMediaName(params.name ?? '');
  if (!parsed) return new Response('Not found', { status: 404 });
  const env = readEnv();
  const upstream = await fetchPreviewMedia(parsed.token, parsed.filename, { baseUrl: env.cmsUrl });
  const headers = new Headers({
    'Cache-Control': upstream.ok ? 'private, max-age=600' : 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  const type = upstream.headers.get('content-type');
  if (type) headers.set('Content-Type', upstream.ok ? type : 'text/plain; charset=utf-8');
  const body = upstream.ok ? upstream.body : `This photo cannot be shown (HTTP ${upstream.status}).`;
  if (!upstream.ok) await upstream.body?.cancel();
  return new Response(body, { status: upstream.status, headers });
};
