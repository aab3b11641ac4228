import { describe, expect, it } from 'vitest';
import {
  BuildEventSchema,
  type BuildProgress,
  buildEventLine,
  buildPhaseLabel,
  buildPhaseLabels,
  buildPhases,
  isBuildPhase,
  parseBuildEvent,
  SiteBuildEventSchema,
} from '../src/buildPhases';
import { locales } from '../src/locales';

describe('the build phases', () => {
  it('are listed in the order a build goes through them', () => {
    expect(buildPhases).toEqual(['data', 'pages', 'search', 'photos', 'check', 'publish', 'deploy']);
  });

  it('each have a name of their own in every language', () => {
    for (const lang of locales) {
      const labels = buildPhaseLabels(lang);
      expect(Object.keys(labels)).toEqual([...buildPhases]);
      for (const phase of buildPhases) {
        expect(labels[phase].trim(), `${phase} in ${lang}`).not.toBe('');
        expect(buildPhaseLabel(phase, lang)).toBe(labels[phase]);
      }
      expect(new Set(Object.values(labels)).size, `two phases share a name in ${lang}`).toBe(
        buildPhases.length,
      );
    }
    // Each language is its own, not English copied.
    expect(buildPhaseLabel('pages', 'ru')).not.toBe(buildPhaseLabel('pages', 'en'));
    expect(buildPhaseLabel('pages', 'kk')).not.toBe(buildPhaseLabel('pages', 'ru'));
  });

  it('are told apart from other words', () => {
    expect(isBuildPhase('pages')).toBe(true);
    expect(isBuildPhase('rendering')).toBe(false);
    expect(isBuildPhase('toString')).toBe(false);
    expect(isBuildPhase(undefined)).toBe(false);
  });

  it('are the only phases a progress may name', () => {
    // @ts-expect-error: a phase the list lacks is a type error…
    const unknown: BuildProgress = { phase: 'rendering' };
    // …and an event naming one is not an event.
    expect(parseBuildEvent(SiteBuildEventSchema, JSON.stringify({ type: 'progress', ...unknown }))).toBe(
      undefined,
    );
  });
});

describe('build events', () => {
  it('travel as one JSON line each and come back as they were', () => {
    const events = [
      { type: 'progress', phase: 'pages', done: 120, total: 398 },
      { type: 'log', line: '12:00:01 [build] 398 page(s) built' },
      { type: 'failed', message: 'The CMS did not answer at http://localhost:3000/api/works' },
      { type: 'published', id: '20261207-120000-abc' },
    ] as const;
    for (const event of events) {
      const line = buildEventLine(event);
      expect(line.endsWith('\n')).toBe(true);
      expect(line.trimEnd()).not.toContain('\n');
      expect(parseBuildEvent(BuildEventSchema, line.trimEnd())).toEqual(event);
    }
  });

  it('are not mistaken for plain output', () => {
    for (const line of ['', 'building…', '{not json', '{"type":"nonsense"}', '[1,2]', '{"type":"log"}']) {
      expect(parseBuildEvent(BuildEventSchema, line), line).toBe(undefined);
    }
    // The site's channel carries no log and no result: those are the build job's.
    expect(parseBuildEvent(SiteBuildEventSchema, '{"type":"log","line":"x"}')).toBe(undefined);
    expect(
      parseBuildEvent(
        SiteBuildEventSchema,
        '{"type":"plan","mode":"partial","rendered":3,"reason":"changed: works 1"}',
      ),
    ).toEqual({
      type: 'plan',
      mode: 'partial',
      rendered: 3,
      reason: 'changed: works 1',
    });
  });
});
