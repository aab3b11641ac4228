import { z } from 'zod';
import type { Locale } from './locales';

/**
 * The phases of a site build, in the order a build goes through them, with their names in
 * every language Oyu speaks. The one list: the build names its phases from it
 * (scripts/lib/buildRelease.ts, the site's integrations), the CMS records them in the build
 * history (`phase` of site-builds, a text column, so a new phase needs no migration), and the
 * Site page and `pnpm run rebuild` show them. A new phase is one line here.
 */
const phases = {
  data: { en: 'reading the CMS', ru: 'чтение CMS', kk: 'CMS деректерін оқу' },
  pages: { en: 'writing pages', ru: 'создание страниц', kk: 'беттерді жасау' },
  search: { en: 'indexing for search', ru: 'индекс поиска', kk: 'іздеу индексі' },
  photos: { en: 'copying photos', ru: 'копирование фото', kk: 'фотоларды көшіру' },
  check: { en: 'checking', ru: 'проверка', kk: 'тексеру' },
  publish: { en: 'publishing', ru: 'публикация', kk: 'жариялау' },
  deploy: { en: 'deploying', ru: 'выгрузка', kk: 'жүктеп салу' },
} as const satisfies Record<string, Record<Locale, string>>;

export type BuildPhase = keyof typeof phases;

/** Every phase, in order. */
export const buildPhases = Object.keys(phases) as readonly BuildPhase[] as readonly [
  BuildPhase,
  ...BuildPhase[],
];

export function isBuildPhase(value: unknown): value is BuildPhase {
  return typeof value === 'string' && Object.hasOwn(phases, value);
}

/** The name of a phase in one language, e.g. `buildPhaseLabel('pages', 'ru')`. */
export function buildPhaseLabel(phase: BuildPhase, language: Locale): string {
  return phases[phase][language];
}

/** Each language's names of the phases, e.g. `buildPhaseLabels('en').pages`. */
export function buildPhaseLabels(language: Locale): Record<BuildPhase, string> {
  return Object.fromEntries(buildPhases.map((phase) => [phase, phases[phase][language]])) as Record<
    BuildPhase,
    string
  >;
}

/** Where a build is: its phase and, while it writes pages, how many of how many. */
export const BuildProgressSchema = z.object({
  phase: z.enum(buildPhases),
  done: z.number().int().min(0).optional(),
  total: z.number().int().min(0).optional(),
});
export type BuildProgress = z.infer<typeof BuildProgressSchema>;

/** Whether a build rendered every page, or only those whose data changed (and why). */
export const BuildPlanSchema = z.object({
  mode: z.enum(['full', 'partial']),
  /** Pages rendered: in a partial build, fewer than the site has. */
  rendered: z.number().int().min(0),
  /** Why a build was full, or what changed for a partial one. */
  reason: z.string(),
});
export type BuildPlan = z.infer<typeof BuildPlanSchema>;

/** What a build that succeeded made: the release now live, its size, time and warnings. */
export const BuildSummarySchema = BuildPlanSchema.extend({
  id: z.string(),
  builtAt: z.string(),
  durationMs: z.number().min(0),
  pages: z.number().int().min(0),
  bytes: z.number().min(0),
  warnings: z.array(z.string()),
  /** The deploy command's outcome, when one is configured. */
  deploy: z.object({ ok: z.boolean(), message: z.string() }).optional(),
});
export type BuildSummary = z.infer<typeof BuildSummarySchema>;

const failed = z.object({
  type: z.literal('failed'),
  /** Why, in words an organiser can act on; the live site was not changed. */
  message: z.string(),
});

/**
 * What the Astro build tells whoever runs it, apart from its log: one JSON object a line on a
 * pipe of its own, whose file descriptor it finds in `OYU_EVENTS_FD` (site/src/lib/buildEvents.ts
 * writes them, scripts/lib/buildRelease.ts reads them).
 */
export const SiteBuildEventSchema = z.discriminatedUnion('type', [
  BuildProgressSchema.extend({ type: z.literal('progress') }),
  // A full build renders every page: it counts them once written.
  BuildPlanSchema.extend({ type: z.literal('plan'), rendered: z.number().int().min(0).optional() }),
  failed,
]);
export type SiteBuildEvent = z.infer<typeof SiteBuildEventSchema>;

/**
 * What a build run in a process of its own (scripts/build-site.ts) tells the CMS's build job
 * (cms/src/site/runBuild.ts): one JSON object a line on its output, the log among them.
 */
export const BuildEventSchema = z.discriminatedUnion('type', [
  BuildProgressSchema.extend({ type: z.literal('progress') }),
  z.object({ type: z.literal('log'), line: z.string() }),
  z.object({ type: z.literal('done'), result: BuildSummarySchema }),
  failed,
  /** A kept earlier build was put back live (`--publish`, a rollback). */
  z.object({ type: z.literal('published'), id: z.string() }),
  /** The end of one request to a build process kept running (`--serve`), with its exit code. */
  z.object({ type: z.literal('exit'), code: z.number().int() }),
]);
export type BuildEvent = z.infer<typeof BuildEventSchema>;

/** One line as a build event of `schema`, or undefined when it is not one (plain output). */
export function parseBuildEvent<S extends z.ZodType>(schema: S, line: string): z.output<S> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** An event as the line that carries it. */
export const buildEventLine = (event: BuildEvent | SiteBuildEvent): string => `${JSON.stringify(event)}\n`;
