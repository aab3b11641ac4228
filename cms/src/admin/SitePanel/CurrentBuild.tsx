import { isBuildPhase } from '@oyu/shared-types';
import { useEffect, useRef } from 'react';
import { Linked } from './Linked';
import type { Build } from './useBuilds';
import { mebibytes, seconds, type Words } from './words';

/** The build running, waiting or last done: its phase, progress, outcome, warnings and log. */
export function CurrentBuild({ shown, log, t }: { shown: Build; log: string | undefined; t: Words }) {
  return (
    <section aria-labelledby="current-build">
      <h2 id="current-build">
        {t.current}: #{shown.id} · {t.statuses[shown.status]}
        {shown.status === 'running' && isBuildPhase(shown.phase) ? ` · ${t.phases[shown.phase]}` : ''}
      </h2>
      {shown.status === 'running' && shown.phase === 'pages' && shown.pagesDone ? (
        <progress
          max={Math.max(shown.pagesTotal ?? 0, shown.pagesDone)}
          value={shown.pagesDone}
          style={{ width: '100%' }}
          aria-label={t.phases.pages}
        />
      ) : null}
      {shown.status === 'failed' && shown.error && (
        <p role="alert">
          <strong>{t.failedBecause}</strong> <Linked text={shown.error} />
        </p>
      )}
      {shown.status === 'succeeded' && (
        <p>
          {shown.pages} {t.pages.toLowerCase()} · {mebibytes(shown.bytes)} · {seconds(shown.durationMs)}
          {shown.deploy ? ` · ${shown.deploy}` : ''}
        </p>
      )}
      {(shown.warnings ?? []).length > 0 && (
        <ul>
          {(shown.warnings ?? []).map((warning) => (
            <li key={warning.message}>{warning.message}</li>
          ))}
        </ul>
      )}
      {log && <BuildLog text={log} running={shown.status === 'running'} title={t.log} />}
    </section>
  );
}

/** The log, kept scrolled to its end as it grows. */
function BuildLog({ text, running, title }: { text: string; running: boolean; title: string }) {
  const logRef = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (logRef.current) logRef.current.scrollTop = logRef.current.scrollHeight;
  });
  return (
    <>
      <h3>{title}</h3>
      <pre
        ref={logRef}
        aria-live={running ? 'polite' : 'off'}
        style={{ maxHeight: '20rem', overflow: 'auto', fontSize: '0.8rem', whiteSpace: 'pre-wrap' }}
      >
        {text}
      </pre>
    </>
  );
}
