'use client';

import { useState } from 'react';
import { BuildHistory } from './BuildHistory';
import { CurrentBuild } from './CurrentBuild';
import { type Build, useBuilds, usePost } from './useBuilds';
import { words } from './words';

/** The Site page's panel: rebuild the site, follow the build shown, and the earlier builds. */
export function SitePanel({ language }: { language: 'en' | 'ru' }) {
  const t = words[language];
  const [problem, setProblem] = useState<string>();
  const { builds, log, active, load } = useBuilds(setProblem);
  const { busy, post } = usePost(load, setProblem);
  const shown = active ?? builds[0];
  const putBack = (build: Build) => {
    if (window.confirm(t.confirm(build.release ?? String(build.id)))) {
      void post(`/api/site-builds/${build.id}/publish`);
    }
  };
  return (
    <div style={{ display: 'grid', gap: '1.5rem', maxWidth: '70rem' }}>
      <div>
        <button
          type="button"
          className="btn btn--style-primary"
          disabled={busy || Boolean(active)}
          onClick={() => void post('/api/site-builds/rebuild')}
        >
          {busy ? t.starting : t.rebuild}
        </button>
        {problem && (
          <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
            {problem}
          </p>
        )}
      </div>
      {shown && <CurrentBuild shown={shown} log={log?.id === shown.id ? log.text : undefined} t={t} />}
      <BuildHistory
        builds={builds}
        active={Boolean(active)}
        busy={busy}
        language={language}
        t={t}
        putBack={putBack}
      />
    </div>
  );
}
