import type { z } from 'zod';

export class CmsError extends Error {
  override name = 'CmsError';
}

export type CmsClientOptions = {
  /** The CMS address, e.g. http://localhost:3000. */
  baseUrl: string;
  /** Documents per request. */
  pageSize?: number;
  /** Further attempts after a transient failure (network error, 429, 5xx). */
  retries?: number;
  /** First retry delay; doubles on each attempt. */
  retryDelayMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Time allowed for one request. */
  timeoutMs?: number;
  locale?: string;
};

export type Resolved = Required<CmsClientOptions>;

/** The options with their defaults filled in. */
export function resolve(options: CmsClientOptions): Resolved {
  // An option passed as `undefined` keeps its default rather than erasing it.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return {
    pageSize: 100,
    retries: 3,
    retryDelayMs: 250,
    concurrency: 4,
    timeoutMs: 30_000,
    locale: 'en',
    ...given,
    baseUrl: options.baseUrl.replace(/\/$/, ''),
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function isTransientStatus(status: number) {
  return status === 408 || status === 429 || status >= 500;
}

/** GET with retries on transient failures. Anything else fails at once with a clear message. */
export async function request(url: string, options: Resolved): Promise<Response> {
  let lastProblem = '';
  for (let attempt = 0; attempt <= options.retries; attempt += 1) {
    if (attempt > 0) await sleep(options.retryDelayMs * 2 ** (attempt - 1));
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      lastProblem = cause?.code ?? cause?.message ?? (error as Error).message;
      continue;
    }
    if (response.ok) return response;
    if (!isTransientStatus(response.status)) {
      const body = await response.text().catch(() => '');
      throw new CmsError(
        `The CMS refused ${url} with HTTP ${response.status}${body ? `: ${body.slice(0, 300)}` : ''}`,
      );
    }
    lastProblem = `HTTP ${response.status}`;
    await response.body?.cancel();
  }
  const verb = lastProblem.startsWith('HTTP') ? 'kept failing' : 'did not answer';
  throw new CmsError(
    `The CMS ${verb} at ${url} (${lastProblem}, ${options.retries + 1} attempts). ` +
      'Check that it is running and that CMS_URL points to it.',
  );
}
export async function getJson(
  url: string,
  options: Resolved,
  seen?: (response: Response) => void,
): Promise<unknown> {
  const response = await request(url, options);
  seen?.(response);
  const text = await response.text().catch((error: Error) => {
    throw new CmsError(`The CMS broke off its answer to ${url}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new CmsError(`The CMS answered ${url} with something that is not JSON: ${text.slice(0, 200)}`);
  }
}

/** How a document is named in error messages: `work "silver-cuff" (id 12)`. */
export function describeDocument(kind: string, raw: unknown): string {
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const slug = typeof doc.slug === 'string' ? ` "${doc.slug}"` : '';
  const id = doc.id !== undefined ? ` (id ${String(doc.id)})` : '';
  return `${kind}${slug}${id}`;
}
export function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : '(document)';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}
