import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { headerRules, headersFor } from './headersFile';
import type { PreviewApp } from './previewApp';

/**
 * A small static file server for the built site: directory URLs serve their index.html, a
 * URL without its trailing slash is redirected to it, unknown paths get the site's 404 page,
 * and nothing outside the output folder can be reached. Text is sent compressed (Brotli, else
 * gzip) as every static host does, so pages weigh here what they weigh in production. Any
 * static host does the same job in production; this one keeps `pnpm start` and the tests free
 * of extra services.
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

/** Compressed copies of text files, made once per file version. */
const compressed = new Map<string, { mtimeMs: number; encoding: string; body: Buffer }>();

function compress(file: string, mtimeMs: number, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding}:${file}`;
  const cached = compressed.get(key);
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const raw = fs.readFileSync(file);
  const body =
    encoding === 'br'
      ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
      : zlib.gzipSync(raw, { level: 9 });
  compressed.set(key, { mtimeMs, encoding, body });
  return body;
}

function fileFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const full = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export type SiteServerOptions = {
  /** The draft preview server, mounted at /preview (see previewApp.ts). */
  preview?: PreviewApp | undefined;
};

export function createSiteHandler(outDir: string, options: SiteServerOptions = {}): http.RequestListener {
  const root = path.resolve(outDir);
  const previewRoot = options.preview && path.resolve(options.preview.clientDir);
  // The security headers the build wrote for the site (its Content-Security-Policy and the
  // rest), as a static host reading `_headers` sends them. Not for the preview's own pages.
  const rules = headerRules(root);
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://site.invalid');
    const send = (status: number, file: string) => {
      const preview = Boolean(previewRoot && file.startsWith(previewRoot));
      const headers: http.OutgoingHttpHeaders = {
        'cache-control': file.includes(`${path.sep}_astro${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        ...(preview ? {} : headersFor(rules(), url.pathname)),
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
      };
      const accepted = String(request.headers['accept-encoding'] ?? '');
      const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
      if (compressible.has(path.extname(file))) {
        headers.vary = 'accept-encoding';
        if (encoding) {
          const body = compress(file, fs.statSync(file).mtimeMs, encoding);
          response.writeHead(status, {
            ...headers,
            'content-encoding': encoding,
            'content-length': body.length,
          });
          response.end(request.method === 'HEAD' ? undefined : body);
          return;
        }
      }
      response.writeHead(status, headers);
      if (request.method === 'HEAD') response.end();
      else fs.createReadStream(file).pipe(response);
    };
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (fs.existsSync(page)) send(404, page);
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/preview' || url.pathname.startsWith('/preview/')) {
      if (!options.preview || !previewRoot) return notFound();
      // The preview pages' own styles and scripts; everything else is a page or a photo.
      if (url.pathname.startsWith('/preview/_astro/')) {
        const asset = fileFor(previewRoot, url.pathname.slice('/preview'.length));
        if (asset && fs.statSync(asset, { throwIfNoEntry: false })?.isFile()) return send(200, asset);
        return notFound();
      }
      return options.preview.handler(request, response, notFound);
    }
    const target = fileFor(root, url.pathname);
    if (!target) return notFound();
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat?.isFile()) return send(200, target);
    if (stat?.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(target, 'index.html');
      if (fs.existsSync(index)) return send(200, index);
    }
    notFound();
  };
}

/** Serves the built site on 127.0.0.1:port until stopped. */
export async function serveSite(outDir: string, port: number, options: SiteServerOptions = {}) {
  const server = http.createServer(createSiteHandler(outDir, options));
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
