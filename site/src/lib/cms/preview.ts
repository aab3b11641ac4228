import {
  type PreviewDocument,
  PreviewDocumentSchema,
  type PreviewRefusal,
  PreviewRefusalSchema,
} from '@oyu/shared-types';
import { type CmsClientOptions, formatIssues, resolve } from './request';

/** Draft preview: the document a signed link shows, or why the CMS refuses the link. */
export type PreviewAnswer =
  | { ok: true; preview: PreviewDocument }
  | { ok: false; status: number; code: PreviewRefusal | 'unavailable'; message: string };

/**
 * The document behind a preview link, in `options.locale`. The link is the permission: the
 * CMS checks its signature and expiry and reads the draft with its maker's rights.
 */
export async function fetchPreviewDocument(
  token: string,
  clientOptions: CmsClientOptions,
): Promise<PreviewAnswer> {
  const options = resolve(clientOptions);
  const url = `${options.baseUrl}/api/preview/document?${new URLSearchParams({ token, locale: options.locale })}`;
  const unavailable = (message: string): PreviewAnswer => ({
    ok: false,
    status: 503,
    code: 'unavailable',
    message,
  });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    return unavailable(`The CMS did not answer at ${options.baseUrl} (${(error as Error).message}).`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = PreviewDocumentSchema.safeParse(body);
    if (parsed.success) return { ok: true, preview: parsed.data };
    return unavailable(
      `The CMS answered a preview with something unexpected: ${formatIssues(parsed.error.issues)}`,
    );
  }
  const refusal = PreviewRefusalSchema.safeParse(body);
  if (refusal.success) return { ok: false, status: response.status, ...refusal.data.error };
  return unavailable(`The CMS answered a preview with HTTP ${response.status}.`);
}

/** A photo a preview page shows, fetched from the CMS with that page's link. */
export async function fetchPreviewMedia(
  token: string,
  filename: string,
  clientOptions: CmsClientOptions,
): Promise<Response> {
  const options = resolve(clientOptions);
  const url = `${options.baseUrl}/api/preview/media/${encodeURIComponent(filename)}?${new URLSearchParams({ token })}`;
  try {
    return await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch {
    return new Response('The CMS did not answer.', { status: 503 });
  }
}
