import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { type Duplex, pipeline } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { parseTarget, type Target } from '@oyu/shared-types';
import { headerRules, headersFor } from './headersFile';
import type { PreviewApp } from './previewApp';

/**
 * A small static file server for the built site: directory URLs serve their index.html, a
 * URL without its trailing slash is redirected to it, unknown paths get the site's 404 page,
 * and nothing outside the output folder can be reached. Text is sent compressed (Brotli, else
 * gzip) as every static host does, so pages weigh here what they weigh in production. Any
 * static host does the same job in production; this one keeps `pnpm start` and the tests free
 * of extra services.
 *
 * It faces the network, so no request may stop it: a malformed request target or method gets
 * a 4xx before any file is looked up, a failed lookup is a 404, and anything that still throws
 * (the mounted preview app included) answers 500 and is logged (security issue 24).
 */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

const compressible = new Set(['.html', '.css', '.js', '.json', '.jsonld', '.csv', '.svg', '.txt', '.xml']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compressed copies of text files, made once per file version. */
const compressed = new Map<string, { mtimeMs: number; encoding: string; body: Buffer }>();

async function compress(file: string, mtimeMs: number, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const key = `${encoding}:${file}`;
  const cached = compressed.get(key);
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const raw = await fs.promises.readFile(file);
  const body =
    encoding === 'br'
      ? await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
      : await gzip(raw, { level: 9 });
  compressed.set(key, { mtimeMs, encoding, body });
  return body;
}

/**
 * A file's stat, or undefined when it cannot be had for any reason: missing (ENOENT), a file
 * used as a folder (ENOTDIR), a name too long (ENAMETOOLONG), unreadable (EACCES), a loop.
 * To a visitor each of these is a page that does not exist.
 */
export async function statSafely(file: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(file);
  } catch {
    return undefined;
  }
}

/** `relative` (a decoded URL path) under `root`, or null if it would leave it. */
function fileFor(root: string, relative: string): string | null {
  const full = path.resolve(root, `.${path.posix.normalize(relative)}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export type SiteServerOptions = {
  /** The draft preview server, mounted at /preview (see previewApp.ts). */
  preview?: PreviewApp | undefined;
  /** Where unexpected errors are reported, one message each (default: stderr). */
  log?: (message: string) => void;
};

/** What every request of one server shares. */
type Site = {
  root: string;
  preview: PreviewApp | undefined;
  previewRoot: string | undefined;
  rules: ReturnType<typeof headerRules>;
  log: (message: string) => void;
};

/** One request and its answer. */
type Exchange = {
  site: Site;
  request: http.IncomingMessage;
  response: http.ServerResponse;
  target: Target;
};

function refuse(response: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders = {}) {
  response
    .writeHead(status, {
      ...headers,
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      connection: 'close',
    })
    .end(`${http.STATUS_CODES[status]}\n`);
}

function headersOf(x: Exchange, file: string): http.OutgoingHttpHeaders {
  const preview = Boolean(x.site.previewRoot && file.startsWith(x.site.previewRoot));
  return {
    'cache-control': file.includes(`${path.sep}_astro${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    // The security headers the build wrote for the site (its Content-Security-Policy and the
    // rest), as a static host reading `_headers` sends them. Not for the preview's own files.
    ...(preview ? {} : headersFor(x.site.rules(), x.target.path)),
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  };
}

function encodingFor(x: Exchange, file: string): 'br' | 'gzip' | undefined {
  if (!compressible.has(path.extname(file))) return undefined;
  const accepted = String(x.request.headers['accept-encoding'] ?? '');
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
}

async function send(x: Exchange, status: number, file: string, stat: fs.Stats) {
  // The client may have gone while the file was looked up (Node destroys the socket of a
  // request it could not parse): there is no one to answer.
  if (x.response.destroyed) return;
  const headers = headersOf(x, file);
  if (compressible.has(path.extname(file))) headers.vary = 'accept-encoding';
  const encoding = encodingFor(x, file);
  if (encoding) {
    const body = await compress(file, stat.mtimeMs, encoding);
    x.response.writeHead(status, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
    x.response.end(x.request.method === 'HEAD' ? undefined : body);
    return;
  }
  x.response.writeHead(status, headers);
  if (x.request.method === 'HEAD') return void x.response.end();
  // A read that fails half-way (file replaced, disk error) can only cut the answer short.
  pipeline(fs.createReadStream(file), x.response, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      x.site.log(`site server: reading ${file} failed: ${error.message}`);
  });
}

async function notFound(x: Exchange) {
  const page = path.join(x.site.root, '404.html');
  const stat = await statSafely(page);
  if (stat?.isFile()) return send(x, 404, page, stat);
  refuse(x.response, 404);
}

async function serveFile(x: Exchange, root: string, relative: string) {
  const file = fileFor(root, relative);
  const stat = file ? await statSafely(file) : undefined;
  if (!file || !stat) return notFound(x);
  if (stat.isFile()) return send(x, 200, file, stat);
  if (!stat.isDirectory()) return notFound(x);
  if (!x.target.path.endsWith('/')) {
    // The path is checked origin-form, so the redirect stays on this site.
    x.response.writeHead(301, { location: `${x.target.path}/${x.target.query}` }).end();
    return;
  }
  const index = path.join(file, 'index.html');
  const indexStat = await statSafely(index);
  if (indexStat?.isFile()) return send(x, 200, index, indexStat);
  return notFound(x);
}

/**
 * Draft previews are never framed, by another site or this one (for browsers that predate
 * frame-ancestors, which the pages' own policy says: site/astro.preview.config.ts).
 */
const previewFraming = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

async function servePreview(x: Exchange) {
  const { preview, previewRoot } = x.site;
  if (!preview || !previewRoot) return notFound(x);
  // The preview pages' own styles and scripts; everything else is a page or a photo.
  if (x.target.path.startsWith('/preview/_astro/')) {
    const asset = fileFor(previewRoot, x.target.decoded.slice('/preview'.length));
    const stat = asset ? await statSafely(asset) : undefined;
    if (asset && stat?.isFile()) return send(x, 200, asset, stat);
    return notFound(x);
  }
  for (const [name, value] of Object.entries(previewFraming)) x.response.setHeader(name, value);
  // Astro calls `next` for paths that are none of its pages.
  const next = () => void notFound(x).catch((error) => failed(x.site, x.request, x.response, error));
  await preview.handler(x.request, x.response, next);
}

async function handle(site: Site, request: http.IncomingMessage, response: http.ServerResponse) {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return refuse(response, 405, { allow: 'GET, HEAD' });
  const target = parseTarget(request.url);
  if (!target) return refuse(response, 400);
  const x = { site, request, response, target };
  if (target.path === '/preview' || target.path.startsWith('/preview/')) return servePreview(x);
  return serveFile(x, site.root, target.decoded);
}

/** The answer to a request whose handling threw: a 500, and one log message. */
function failed(site: Site, request: http.IncomingMessage, response: http.ServerResponse, error: unknown) {
  const where = `${request.method} ${String(request.url).slice(0, 200)}`;
  site.log(`site server: ${where} failed: ${(error as Error)?.stack ?? String(error)}`);
  if (!response.headersSent) refuse(response, 500);
  else response.destroy();
}

export function createSiteHandler(outDir: string, options: SiteServerOptions = {}): http.RequestListener {
  const root = path.resolve(outDir);
  const site: Site = {
    root,
    preview: options.preview,
    previewRoot: options.preview && path.resolve(options.preview.clientDir),
    rules: headerRules(root),
    log: options.log ?? ((message) => process.stderr.write(`${message}\n`)),
  };
  return (request, response) => {
    handle(site, request, response).catch((error) => failed(site, request, response, error));
  };
}

/** CONNECT is no method of a file server; Node would otherwise drop the connection unanswered. */
function refuseConnect(_request: http.IncomingMessage, socket: Duplex) {
  socket.on('error', () => socket.destroy());
  socket.end(
    'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
  );
}

/** Serves the built site on 127.0.0.1:port until stopped. */
export async function serveSite(outDir: string, port: number, options: SiteServerOptions = {}) {
  const server = http.createServer(createSiteHandler(outDir, options));
  server.on('connect', refuseConnect);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
