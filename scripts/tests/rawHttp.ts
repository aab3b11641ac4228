import net from 'node:net';
import type { Generator } from './seededRandom';

/**
 * Malformed HTTP requests written byte by byte, for the fuzz tests of every server the project
 * runs (the site server in siteServerFuzz.test.ts, the CMS in cmsServer.test.ts): no client
 * library tidies them first.
 */

/** Sends bytes as they are and reads the answer until the server closes the connection. */
export function rawRequest(
  port: number,
  bytes: Buffer,
): Promise<{ status: number | undefined; text: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      // The final answer, after any interim 100 Continue.
      const status = [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)]
        .map((m) => m[1])
        .find((s) => s?.[0] !== '1');
      resolve({ status: status ? Number(status) : undefined, text });
    };
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server may reset a connection it refused while the rest of a request is still coming.
    socket.on('error', () => {});
    socket.on('close', done);
    // Not `end`: Node drops a request whose client half-closes before the answer is ready.
    socket.write(bytes);
  });
}

export const request = (line: string, headers = 'Host: 127.0.0.1\r\n') =>
  Buffer.from(`${line}\r\n${headers}Connection: close\r\n\r\n`, 'latin1');

/** Ways to write `..`, as sent or once or twice encoded, with either slash. */
const climbs = [
  '..',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e.',
  '%252e%252e',
  '%c0%ae%c0%ae',
  '..%00',
  '...',
  '..;',
];
const slashes = ['/', '%2f', '%2F', '%5c', '\\', '%252f', '//'];
const oddBits = [
  '%00',
  '\0',
  '%ZZ',
  '%C0%AF',
  '%E0%A4%A',
  '%',
  '%2',
  '%FF',
  '%u002e',
  '\t',
  ' ',
  '\x7f',
  '#',
];
export const methods = [
  'GET',
  'HEAD',
  'PUT',
  'DELETE',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'OPTIONS',
  'POST',
  'PATCH',
];

export function randomBytes(g: Generator, length: number): string {
  return Array.from({ length }, () => String.fromCharCode(g.int(256))).join('');
}

function longPath(g: Generator, prefixes: string[]): string {
  const length = g.pick([256, 300, 1000, 5000, 70_000]);
  return `${g.pick(prefixes)}/${g.pick(['a', '%41', 'é'])}`.padEnd(length, g.pick(['a', '%20', '/b']));
}

function climbingPath(g: Generator, prefixes: string[]): string {
  const up = Array.from({ length: 1 + g.int(6) }, () => g.pick(climbs)).join(g.pick(slashes));
  const file = g.pick(['secret.txt', 'etc/passwd', `..${g.pick(slashes)}secret.txt`]);
  return `${g.pick(prefixes)}/${up}${g.pick(slashes)}${file}`;
}

/** Request targets Node's parser may accept but that are no path of a server. */
function oddTarget(g: Generator, port: number): string {
  return g.pick([
    `http://127.0.0.1:${port}/`,
    `http://127.0.0.1:${port}/../secret.txt`,
    'http://evil.example/works/ring/',
    '*',
    '//x',
    '//127.0.0.1/',
    '/\\evil.example/',
    '?a=1',
    '/works/ring/?\\x',
    'x',
  ]);
}

/** A malformed request target under one of `prefixes`. */
export function garbagePath(g: Generator, prefixes: string[], port: number): string {
  switch (g.int(5)) {
    case 0:
      return `${g.pick(prefixes)}/${randomBytes(g, 1 + g.int(40))}`;
    case 1:
      return `${g.pick(prefixes)}/a${g.pick(oddBits)}b${g.pick(['', '/', '.html'])}`;
    case 2:
      return longPath(g, prefixes);
    case 3:
      return climbingPath(g, prefixes);
    default:
      return oddTarget(g, port);
  }
}

/** Whole requests whose headers or framing are wrong, for a path that would be fine. */
export function badHeaders(g: Generator): string {
  return g.pick([
    '',
    'Host: a b\r\n',
    'Host: 127.0.0.1\r\nHost: evil\r\n',
    'Host: 127.0.0.1\r\nNo colon here\r\n',
    'Host: 127.0.0.1\r\nX-Null: a\0b\r\n',
    `Host: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n`,
    'Host: 127.0.0.1\r\nContent-Length: -1\r\n',
    'Host: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n',
    'Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    'Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n',
    'Host: 127.0.0.1\r\nExpect: 100-continue\r\n',
    'Host: 127.0.0.1\r\n Folded: header\r\n',
  ]);
}
