import type { SiteBuild } from '@oyu/shared-types/payload-types';
import { useCallback, useEffect, useState } from 'react';

/** A build as the panel reads it: the generated type of the site-builds collection. */
export type Build = SiteBuild;

const listFields = [
  'status',
  'trigger',
  'startedBy',
  'queuedAt',
  'durationMs',
  'phase',
  'pagesDone',
  'pagesTotal',
  'pages',
  'bytes',
  'warnings',
  'error',
  'deploy',
  'release',
  'live',
  'kept',
];

const isActive = (build: Build) => build.status === 'running' || build.status === 'queued';

/**
 * The latest builds and the log of the one shown (the one running or waiting, else the latest),
 * read again every few seconds. A failed read is the panel's problem.
 */
export function useBuilds(setProblem: (problem: string) => void) {
  const [builds, setBuilds] = useState<Build[]>([]);
  const [log, setLog] = useState<{ id: number; text: string }>();
  const load = useCallback(async () => {
    // The history without logs (they are large); the log of the build shown, on its own.
    const fields = listFields.map((field) => `select[${field}]=true`).join('&');
    const response = await fetch(`/api/site-builds?sort=-queuedAt&limit=20&depth=1&${fields}`, {
      credentials: 'include',
    });
    if (!response.ok) {
      setProblem(`HTTP ${response.status}`);
      return;
    }
    const docs = ((await response.json()) as { docs: Build[] }).docs;
    setBuilds(docs);
    const shown = docs.find(isActive) ?? docs[0];
    if (shown) {
      const one = await fetch(`/api/site-builds/${shown.id}?depth=0&select[log]=true`, {
        credentials: 'include',
      });
      if (one.ok) setLog({ id: shown.id, text: ((await one.json()) as { log?: string }).log ?? '' });
    }
  }, [setProblem]);

  const active = builds.find(isActive);
  // Keyed on whether a build is active, not on the build: each read makes a new object, and
  // restarting on it would read again at once, without pause.
  const following = Boolean(active);
  useEffect(() => {
    void load();
    // Follow a running build closely; otherwise look now and then for builds started elsewhere.
    const timer = setInterval(() => void load(), following ? 1000 : 5000);
    return () => clearInterval(timer);
  }, [load, following]);
  return { builds, log, active, load };
}

/**
 * Posts to a build endpoint (rebuild, put back), then reads the builds again. `busy` while it
 * runs; a refusal's message is the panel's problem.
 */
export function usePost(load: () => Promise<void>, setProblem: (problem: string | undefined) => void) {
  const [busy, setBusy] = useState(false);
  const post = async (url: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await fetch(url, { method: 'POST', credentials: 'include' });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] };
        setProblem(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
      }
      await load();
    } finally {
      setBusy(false);
    }
  };
  return { busy, post };
}
