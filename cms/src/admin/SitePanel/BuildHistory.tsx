import type { Build } from './useBuilds';
import { mebibytes, seconds, type Words } from './words';

type Props = {
  builds: Build[];
  /** A build is running or waiting: no other may be put back meanwhile. */
  active: boolean;
  busy: boolean;
  language: 'en' | 'ru';
  t: Words;
  /** Puts a kept build back live. */
  putBack: (build: Build) => void;
};

/** Earlier builds, newest first, each kept one with a button to put it back live. */
export function BuildHistory({ builds, t, ...row }: Props) {
  return (
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
              <BuildRow key={build.id} build={build} t={t} {...row} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function BuildRow({ build, active, busy, language, t, putBack }: Omit<Props, 'builds'> & { build: Build }) {
  return (
    <tr>
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
            onClick={() => putBack(build)}
          >
            {t.putBack}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
