import fs from 'node:fs';
import { type BuildPhase, buildEventLine, type SiteBuildEvent } from '@oyu/shared-types';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { readEnv } from '../env';

/**
 * The build's progress and failures for whoever runs it (scripts/lib/buildRelease.ts), as
 * events: one JSON object a line (`SiteBuildEvent`, shared-types) on the pipe whose file
 * descriptor is in OYU_EVENTS_FD, apart from the log on stdout, so that nobody reads progress
 * out of Astro's printed text. Without OYU_EVENTS_FD (`astro build` by hand, `astro dev`) the
 * events go nowhere.
 */
export type EmitBuildEvent = (event: SiteBuildEvent) => void;

/** Writes events to `fd`, each whole before the next: the build waits while the reader is slow. */
export function buildEventWriter(fd: number | undefined): EmitBuildEvent {
  if (fd === undefined) return () => {};
  return (event) => {
    const bytes = Buffer.from(buildEventLine(event));
    for (let written = 0; written < bytes.length; ) {
      written += fs.writeSync(fd, bytes, written);
    }
  };
}

let defaultWriter: EmitBuildEvent | undefined;

/** Sends one event to whoever runs the build (nothing when nobody listens). */
export const emitBuildEvent: EmitBuildEvent = (event) => {
  defaultWriter ??= buildEventWriter(readEnv().eventsFd);
  defaultWriter(event);
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Says that the build entered `phase`. */
export const enterPhase = (phase: BuildPhase, emit: EmitBuildEvent = emitBuildEvent) =>
  emit({ type: 'progress', phase });

/**
 * Runs `step`; when it fails, tells whoever runs the build why (the error's message, written
 * for organisers by the module that threw it, e.g. lib/cms/request.ts for the CMS) before the
 * error goes on to stop the build.
 */
export async function reportingFailure<T>(
  step: () => Promise<T> | T,
  emit: EmitBuildEvent = emitBuildEvent,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    emit({ type: 'failed', message: messageOf(error) });
    throw error;
  }
}

/** The integration, each of whose hooks reports its failure (see `reportingFailure`). */
export function reportingFailures(integration: AstroIntegration): AstroIntegration {
  const hooks = Object.fromEntries(
    Object.entries(integration.hooks).map(([name, hook]) => [
      name,
      hook &&
        ((...args: unknown[]) => reportingFailure(() => (hook as (...a: unknown[]) => unknown)(...args))),
    ]),
  );
  return { ...integration, hooks: hooks as AstroIntegration['hooks'] };
}

/**
 * Counts the pages as Astro writes them: wraps its prerenderer (Astro 7's `setPrerenderer`),
 * whose `getStaticPaths` gives how many there are and whose `render` is called once for each.
 */
export function oyuProgress(emit: EmitBuildEvent = emitBuildEvent): AstroIntegration {
  return {
    name: 'oyu-progress',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => countingPages(prerenderer, emit));
      },
    },
  };
}

/**
 * The prerenderer, saying how many pages it has rendered of how many: at most every
 * `everyMs`, and once at the end. A page that fails to render is named in a failure event.
 */
export function countingPages(
  prerenderer: AstroPrerenderer,
  emit: EmitBuildEvent,
  everyMs = 250,
): AstroPrerenderer {
  let total = 0;
  let done = 0;
  let said = 0;
  const say = () => {
    said = performance.now();
    emit({ type: 'progress', phase: 'pages', done, total: Math.max(total, done) });
  };
  return {
    ...prerenderer,
    getStaticPaths: async () => {
      enterPhase('pages', emit);
      const paths = await reportingFailure(() => prerenderer.getStaticPaths(), emit);
      total = paths.length;
      say();
      return paths;
    },
    render: async (request, options) => {
      try {
        const result = await prerenderer.render(request, options);
        done += 1;
        if (performance.now() - said >= everyMs) say();
        return result;
      } catch (error) {
        const page = new URL(request.url).pathname;
        emit({ type: 'failed', message: `the page ${page} could not be written: ${messageOf(error)}` });
        throw error;
      }
    },
    teardown: async () => {
      // Astro skips the paths two routes share: the count ends where the pages did.
      total = done;
      say();
      await prerenderer.teardown?.();
    },
  };
}
