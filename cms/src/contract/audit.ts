import { type Locale, locales, type ReadModel, readModels } from '@oyu/shared-types';
import type { CollectionSlug, Payload } from 'payload';
import type { z } from 'zod';
import { readOptions } from './publishable';

/**
 * Every published document the site could not build, read as a build reads them (page by page,
 * each language, the public's rights): for installs whose content did not come through the
 * contract's checks, such as a restored backup. Costs about what a build's data phase costs.
 */
export type AuditFinding = { collection: string; id: number | string; slug?: string; problems: string[] };

export async function auditPublished(payload: Payload, pageSize = 100): Promise<AuditFinding[]> {
  const findings = new Map<string, AuditFinding>();
  for (const model of Object.values(readModels) as ReadModel[]) {
    for (const locale of locales) {
      for (let page = 1; ; page += 1) {
        const result = await payload.find({
          collection: model.collection as CollectionSlug,
          ...(model.drafts ? { where: { _status: { equals: 'published' } } } : {}),
          depth: model.depth,
          locale: locale as Locale,
          fallbackLocale: 'en',
          draft: false,
          overrideAccess: false,
          user: null,
          limit: pageSize,
          page,
          sort: 'id',
          ...readOptions(model),
        });
        for (const doc of result.docs as unknown as Record<string, unknown>[]) {
          const parsed = (model.schema as z.ZodType).safeParse(doc);
          if (parsed.success) continue;
          const key = `${model.collection}:${String(doc.id)}`;
          const finding = findings.get(key) ?? {
            collection: model.collection,
            id: doc.id as number,
            ...(typeof doc.slug === 'string' ? { slug: doc.slug } : {}),
            problems: [],
          };
          for (const issue of parsed.error.issues) {
            const problem = `${issue.path.join('.') || '(document)'}: ${issue.message} (${locale})`;
            if (!finding.problems.includes(problem)) finding.problems.push(problem);
          }
          findings.set(key, finding);
        }
        if (!result.hasNextPage) break;
      }
    }
  }
  return [...findings.values()];
}
