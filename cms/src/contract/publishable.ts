import { type Locale, locales } from '@oyu/shared-types';
import type { CollectionSlug, PayloadRequest } from 'payload';
import type { z } from 'zod';
import { languageNames, messageLocale, say, schemaMessage } from './messages';
import { type ContractProblem, contractModels } from './models';
import { usesProblems } from './pointers';
import { readAsPublic } from './reads';

/**
 * "Publishable": a document the public site can build. A published document is read back the
 * way the site reads it (shared-types' `readModels`: the public's rights, depth, `populate`, each
 * language with English as fallback) and checked with the site's own schema; what it uses
 * (makers, editions) must be published too. One definition, so what the CMS lets anyone
 * publish is what the site can build.
 */

export {
  type Dependent,
  dependentsMessage,
  type LinkIndex,
  publishedDependents,
  publishedLinkIndex,
} from './dependents';
export {
  type ContractProblem,
  contractModels,
  nameOf,
  photoUses,
  publishedUses,
  titleFields,
} from './models';
export { globalLinkProblems } from './pointers';
export { isolatedRequest, readAsPublic, readOptions } from './reads';

/** The top-level field's label in the curator's language, or its name. */
function fieldLabel(req: PayloadRequest, collection: string, name: string, locale: Locale): string {
  const config = req.payload.collections[collection as CollectionSlug]?.config;
  const field = config?.flattenedFields.find((candidate) => candidate.name === name) as
    | { label?: unknown }
    | undefined;
  const label = field?.label;
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') {
    const byLocale = label as Record<string, string>;
    return byLocale[locale] ?? byLocale.en ?? name;
  }
  return name;
}

/** The schema's issues as the contract words them, in `locale` (the draft preview's list). */
export function describeIssues(
  req: PayloadRequest,
  collection: string,
  issues: z.core.$ZodIssue[],
  locale: Locale,
): string[] {
  return issues.map((issue) => describeIssue(req, collection, issue, locale).message);
}

function describeIssue(
  req: PayloadRequest,
  collection: string,
  issue: z.core.$ZodIssue,
  locale: Locale,
): ContractProblem {
  const [top, ...rest] = issue.path;
  const path = typeof top === 'string' ? top : '';
  const where = [
    path ? fieldLabel(req, collection, path, locale) : '',
    ...rest.map((part) => (typeof part === 'number' ? String(part + 1) : String(part))),
  ]
    .filter(Boolean)
    .join(' › ');
  const message = schemaMessage(issue.message, locale);
  return { path, message: where ? `${where}: ${message}` : message };
}

/**
 * Why the document, as it now stands in the database (the caller's transaction included),
 * could not be built by the site; empty when it can. Messages are in `locale`.
 */
export async function publishProblems(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  locale: Locale = messageLocale(req.i18n?.language),
): Promise<ContractProblem[]> {
  const model = contractModels[collection];
  if (!model) return [];
  const problems = await usesProblems(req, collection, id, locale);
  // A field already explained above would only repeat itself in the schema's words.
  const explained = new Set(problems.map((problem) => problem.path));
  const found = new Map<string, { problem: ContractProblem; languages: Locale[] }>();
  // The three languages are read together: on PostgreSQL their queries overlap.
  const read = await Promise.all(locales.map((language) => readAsPublic(req, model, id, language)));
  for (const [index, language] of locales.entries()) {
    const doc = read[index];
    const parsed = doc
      ? model.schema.safeParse(doc)
      : { success: false as const, error: { issues: [{ path: [], message: 'is not published' }] } };
    if (parsed.success) continue;
    for (const issue of parsed.error.issues as z.core.$ZodIssue[]) {
      const problem = describeIssue(req, collection, issue, locale);
      if (explained.has(problem.path)) continue;
      const key = `${problem.path}\n${problem.message}`;
      const entry = found.get(key) ?? { problem, languages: [] };
      entry.languages.push(language);
      found.set(key, entry);
    }
  }
  for (const { problem, languages } of found.values()) {
    problems.push(
      languages.length === locales.length
        ? problem
        : {
            ...problem,
            message: say('inLanguages', locale, {
              problem: problem.message,
              languages: languages.map((language) => languageNames[language][locale]).join(' / '),
            }),
          },
    );
  }
  return problems;
}
