import { createApp } from 'astro/app/entrypoint';

/**
 * The render app's server entry: renders one page or file of the site, as `astro build` would
 * write it, for the publisher (src/publish/). Not streamed: the publisher wants the bytes.
 */
const app = createApp({ streaming: false });

export type Rendered = { status: number; body: Uint8Array };

export async function render(url: string): Promise<Rendered> {
  const response = await app.render(new Request(url));
  return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
}
