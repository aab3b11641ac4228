import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBuildEvent, type SiteBuildEvent, SiteBuildEventSchema } from '@oyu/shared-types';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env';
import {
  buildEventWriter,
  countingPages,
  oyuProgress,
  reportingFailure,
  reportingFailures,
} from '../src/lib/buildEvents';

/**
 * The site build's events (src/lib/buildEvents.ts): progress, plan and failures as JSON lines
 * on a file descriptor of their own, for scripts/lib/buildRelease.ts to read.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-build-events-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function recorder() {
  const events: SiteBuildEvent[] = [];
  return { events, emit: (event: SiteBuildEvent) => events.push(event) };
}

/** A prerenderer with `count` pages, whose page `failing` throws. */
function pages(count: number, failing?: string): AstroPrerenderer & { tornDown: boolean } {
  const prerenderer = {
    name: 'pages',
    tornDown: false,
    getStaticPaths: async () =>
      Array.from({ length: count }, (_, i) => ({ pathname: `/en/works/${i}/`, route: {} as never })),
    render: async (request: Request) => {
      if (new URL(request.url).pathname === failing) throw new Error('Cannot read properties of undefined');
      return new Response('<html></html>');
    },
    teardown: async () => {
      prerenderer.tornDown = true;
    },
  };
  return prerenderer;
}

const render = (prerenderer: AstroPrerenderer, pathname: string) =>
  prerenderer.render(new Request(`http://localhost${pathname}`), { routeData: {} as never });

describe('the build events channel', () => {
  it('writes each event as one JSON line to the descriptor it is given', () => {
    const file = path.join(root, 'events.ndjson');
    const fd = fs.openSync(file, 'w');
    const emit = buildEventWriter(fd);
    const sent: SiteBuildEvent[] = [
      { type: 'progress', phase: 'pages', done: 3, total: 10 },
      { type: 'plan', mode: 'partial', rendered: 3, reason: 'changed: works 1 (“Kümіs” сырға)' },
      { type: 'failed', message: 'The CMS did not answer at http://127.0.0.1:3000/api/works' },
    ];
    for (const event of sent) emit(event);
    fs.closeSync(fd);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => parseBuildEvent(SiteBuildEventSchema, line))).toEqual(sent);
  });

  it('is silent when nobody listens', () => {
    expect(readEnv({}).eventsFd).toBe(undefined);
    expect(readEnv({ OYU_EVENTS_FD: '3' }).eventsFd).toBe(3);
    expect(() => readEnv({ OYU_EVENTS_FD: '1' })).toThrow(/OYU_EVENTS_FD/);
    expect(() => buildEventWriter(undefined)({ type: 'progress', phase: 'data' })).not.toThrow();
  });

  it('tells why a step failed, in its own words, and still fails', async () => {
    const { events, emit } = recorder();
    const cms = new Error(
      'The CMS did not answer at http://127.0.0.1:3000/api/works (ECONNREFUSED, 4 attempts).',
    );
    await expect(reportingFailure(() => Promise.reject(cms), emit)).rejects.toBe(cms);
    expect(events).toEqual([{ type: 'failed', message: cms.message }]);
    await expect(reportingFailure(() => 'fine', emit)).resolves.toBe('fine');
    expect(events).toHaveLength(1);
  });

  it('wraps every hook of an integration, and keeps what each returns', async () => {
    const integration = reportingFailures({
      name: 'oyu-test',
      hooks: {
        'astro:build:start': () => {
          throw new Error('The site was not published: 1 links point to nothing');
        },
        'astro:build:done': () => undefined,
      },
    } as AstroIntegration);
    expect(integration.name).toBe('oyu-test');
    const start = integration.hooks['astro:build:start'] as unknown as () => Promise<void>;
    await expect(start()).rejects.toThrow(/links point to nothing/);
    const done = integration.hooks['astro:build:done'] as unknown as () => Promise<void>;
    await expect(done()).resolves.toBe(undefined);
  });
});

describe('the page counter', () => {
  it('replaces the prerenderer Astro would use by one that counts its pages', () => {
    const set: unknown[] = [];
    const start = oyuProgress(() => {}).hooks['astro:build:start'] as (options: unknown) => void;
    start({ setPrerenderer: (value: unknown) => set.push(value), logger: {} });
    expect(set).toHaveLength(1);
    const wrapped = (set[0] as (base: AstroPrerenderer) => AstroPrerenderer)(pages(1));
    expect(wrapped.name).toBe('pages');
  });

  it('says how many pages there are, how many are written, and the last count at the end', async () => {
    const { events, emit } = recorder();
    const base = pages(5);
    const counted = countingPages(base, emit, 60_000);
    const paths = await counted.getStaticPaths();
    expect(paths).toHaveLength(5);
    for (const { pathname } of paths) await render(counted, pathname);
    await counted.teardown?.();
    expect(base.tornDown).toBe(true);
    // At once: the phase, then the count; in between, nothing sooner than `everyMs`.
    expect(events).toEqual([
      { type: 'progress', phase: 'pages' },
      { type: 'progress', phase: 'pages', done: 0, total: 5 },
      { type: 'progress', phase: 'pages', done: 5, total: 5 },
    ]);
  });

  it('says every few moments how far it is', async () => {
    const { events, emit } = recorder();
    const counted = countingPages(pages(3), emit, 0);
    for (const { pathname } of await counted.getStaticPaths()) await render(counted, pathname);
    expect(events.slice(2).map((event) => event.type === 'progress' && event.done)).toEqual([1, 2, 3]);
  });

  it('names the page that could not be written', async () => {
    const { events, emit } = recorder();
    const counted = countingPages(pages(3, '/en/works/1/'), emit);
    await counted.getStaticPaths();
    await render(counted, '/en/works/0/');
    await expect(render(counted, '/en/works/1/')).rejects.toThrow(/Cannot read properties/);
    expect(events.at(-1)).toEqual({
      type: 'failed',
      message: 'the page /en/works/1/ could not be written: Cannot read properties of undefined',
    });
  });
});
