import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { sharedStack } from './stack';

/** The CMS's production server keeps idle connections open longer than Node's default. */
const { cmsPort } = sharedStack();

describe('kept-alive connections', () => {
  it('keeps an idle connection open past Node’s 5 s default, so a busy CMS never resets a request sent on it', async () => {
    // Node closes a connection 5 s after its last answer unless told otherwise; under load it
    // could close one the client had just sent its next request on (ECONNRESET, seen in the
    // benchmark at 50 connections). One kept-alive socket, two requests 6 s apart.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ask = () =>
      new Promise<{ status: number; port: number }>((resolve, reject) => {
        const request = http.get(
          `http://127.0.0.1:${cmsPort}/api/works?limit=1&depth=0`,
          { agent },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, port: request.socket?.localPort ?? 0 }),
            );
          },
        );
        request.on('error', reject);
      });
    try {
      const first = await ask();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await ask();
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.port, 'the second request went out on the same connection').toBe(first.port);
    } finally {
      agent.destroy();
    }
  });
});
