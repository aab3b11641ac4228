'use client';

import type { SiteBuild } from '@oyu/shared-types/payload-types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { buildPhaseLabels } from '../site/phases';

/**
 * A failure's text with its addresses as links: a build stopped by a document names the
 * document's page in the admin, where the organiser fixes it.
 */
function Linked({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/[^\s()]+)/).map((part, index) =>
        index % 2 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** A build as the panel reads it: the generated type of the site-builds collection. */
type Build = SiteBuild;

const words = {
  en: {
    rebuild: 'Rebuild the site',
    starting: 'Starting…',
    current: 'Current build',
    history: 'Earlier builds',
    none: 'No build yet.',
    when: 'Started',
    who: 'By',
    status: 'Result',
    duration: 'Time',
    pages: 'Pages',
    size: 'Size',
    warnings: 'Warnings',
    live: 'live',
    putBack: 'Put this build back',
    confirm: (release: string) => `Put build ${release} back live? Visitors will see it at once.`,
    phases: buildPhaseLabels.en as Record<string, string>,
    statuses: { queued: 'waiting', running: 'running', succeeded: 'published', failed: 'failed' },
    triggers: { admin: 'Site page', cli: 'command line', start: 'pnpm start', auto: 'automatic' } as Record<
      string,
      string
    >,
    log: 'Log',
    failedBecause: 'The site was not changed:',
  },
  ru: {
    rebuild: 'Пересобрать сайт',
    starting: 'Запуск…',
    current: 'Текущая сборка',
    history: 'Предыдущие сборки',
    none: 'Сборок ещё не было.',
    when: 'Начало',
    who: 'Кто',
    status: 'Итог',
    duration: 'Время',
    pages: 'Страниц',
    size: 'Объём',
    warnings: 'Предупреждения',
    live: 'на сайте',
    putBack: 'Вернуть эту сборку',
    confirm: (release: string) => `Вернуть сборку ${release} на сайт? Посетители сразу увидят её.`,
    phases: buildPhaseLabels.ru as Record<string, string>,
    statuses: { queued: 'в очереди', running: 'идёт', succeeded: 'опубликована', failed: 'ошибка' },
    triggers: {
      admin: 'страница «Сайт»',
      cli: 'командная строка',
      start: 'pnpm start',
      auto: 'автоматически',
    } as Record<string, string>,
    log: 'Журнал',
    failedBecause: 'Сайт не изменён:',
  },
};

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

const seconds = (ms?: number | null) => (ms ? `${(ms / 1000).toFixed(1)} s` : '–');
const mebibytes = (bytes?: number | null) => (bytes ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : '–');

export function SitePanel({ language }: { language: 'en' | 'ru' }) {
  const t = words[language];
  const [builds, setBuilds] = useState<Build[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const logRef = useRef<HTMLPreElement>(null);

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
    const shown = docs.find((build) => build.status === 'running' || build.status === 'queued') ?? docs[0];
    if (shown) {
      const one = await fetch(`/api/site-builds/${shown.id}?depth=0&select[log]=true`, {
        credentials: 'include',
      });
      if (one.ok) setLog({ id: shown.id, text: ((await one.json()) as { log?: string }).log ?? '' });
    }
  }, []);

  const active = builds.find((build) => build.status === 'running' || build.status === 'queued');
  useEffect(() => {
    void load();
    // Follow a running build closely; otherwise look now and then for builds started elsewhere.
    const timer = setInterval(() => void load(), active ? 1000 : 5000);
    return () => clearInterval(timer);
  }, [load, active]);
  useEffect(() => {
    if (logRef.current) logRef.current.scrollTop = logRef.current.scrollHeight;
  });

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

  const shown = active ?? builds[0];
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

      {shown && (
        <section aria-labelledby="current-build">
          <h2 id="current-build">
            {t.current}: #{shown.id} · {t.statuses[shown.status]}
            {shown.status === 'running' && shown.phase ? ` · ${t.phases[shown.phase] ?? shown.phase}` : ''}
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
          {log?.id === shown.id && log.text && (
            <>
              <h3>{t.log}</h3>
              <pre
                ref={logRef}
                aria-live={shown.status === 'running' ? 'polite' : 'off'}
                style={{ maxHeight: '20rem', overflow: 'auto', fontSize: '0.8rem', whiteSpace: 'pre-wrap' }}
              >
                {log.text}
              </pre>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="build-history">
        <h2 id="build-history">{t.history}</h2>
        {builds.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <table className="table" style={{ width: '100%' }}>
            <thead>
              <tr>
                <th>#</th>
                <th>{t.when}</th>
                <th>{t.who}</th>
                <th>{t.status}</th>
                <th>{t.duration}</th>
                <th>{t.pages}</th>
                <th>{t.size}</th>
                <th>{t.warnings}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {builds.map((build) => (
                <tr key={build.id}>
                  <td>{build.id}</td>
                  <td>{new Date(build.queuedAt).toLocaleString(language)}</td>
                  <td>
                    {typeof build.startedBy === 'object' && build.startedBy?.email
                      ? build.startedBy.email
                      : (t.triggers[build.trigger] ?? build.trigger)}
                  </td>
                  <td title={build.error ?? undefined}>
                    {t.statuses[build.status]}
                    {build.live ? ` · ${t.live}` : ''}
                  </td>
                  <td>{seconds(build.durationMs)}</td>
                  <td>{build.pages ?? '–'}</td>
                  <td>{mebibytes(build.bytes)}</td>
                  <td>{(build.warnings ?? []).length || ''}</td>
                  <td>
                    {build.status === 'succeeded' && build.kept && !build.live && !active ? (
                      <button
                        type="button"
                        className="btn btn--style-secondary btn--size-small"
                        disabled={busy}
                        onClick={() => {
                          if (window.confirm(t.confirm(build.release ?? String(build.id)))) {
                            void post(`/api/site-builds/${build.id}/publish`);
                          }
                        }}
                      >
                        {t.putBack}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
