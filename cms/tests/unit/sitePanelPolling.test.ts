// @vitest-environment happy-dom
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useBuilds } from '../../src/admin/SitePanel/useBuilds';

/**
 * The Site page's polling (src/admin/SitePanel/useBuilds.ts) against a fetch that answers at
 * once: a running build is read again once a second, not as fast as the CMS can answer.
 */
const running = { id: 7, status: 'running', queuedAt: '2026-12-06T10:00:00.000Z' };

function Probe() {
  // As the panel does: the setter of a state, the same function at every render.
  const [, setProblem] = useState<string>();
  useBuilds(setProblem);
  return null;
}

afterEach(() => vi.unstubAllGlobals());

describe('the Site page while a build runs', () => {
  it('reads the builds about once a second', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const body = url.includes('select[log]') ? { log: 'building' } : { docs: [{ ...running }] };
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    });
    const root = createRoot(document.createElement('div'));
    root.render(createElement(Probe));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    root.unmount();
    const lists = asked.filter((url) => url.includes('sort=-queuedAt'));
    // On mount, when the build is seen running, then one a second: 2 s → about 4.
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(lists.length).toBeLessThanOrEqual(6);
  });
});
