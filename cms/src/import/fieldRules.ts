import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload';
import { columnOf } from './columns';
import type { ArtisanPlan, Problem, WorkPlan } from './types';

/**
 * The collection's own field rules, run on values a spreadsheet row would write: required
 * fields, number ranges, years, web addresses, select options, as the collection declares them
 * and Payload applies them (its sanitized config gives every field its `validate`). The import
 * keeps no copy of these rules; it only turns cells into values.
 *
 * Relationship and upload fields are left out: the import resolves those itself (names to
 * documents, file names to photos) and says so when it cannot.
 */
export type FieldProblem = { path: string; message: string };

const resolvedByTheImport = new Set(['relationship', 'upload', 'join']);

export async function checkFieldRules(
  req: PayloadRequest,
  collection: CollectionSlug,
  data: Record<string, unknown>,
): Promise<FieldProblem[]> {
  const config = req.payload.collections[collection].config;
  const problems: FieldProblem[] = [];
  const walk = async (fields: FlattenedField[], sibling: Record<string, unknown>, path: string[]) => {
    for (const field of fields) {
      if (resolvedByTheImport.has(field.type)) continue;
      const value = sibling[field.name];
      if (field.type === 'group' && 'flattenedFields' in field) {
        await walk(field.flattenedFields, (value as Record<string, unknown> | undefined) ?? {}, [
          ...path,
          field.name,
        ]);
        continue;
      }
      // Only what the row sets: Payload fills in defaults and generated values (slug) itself.
      if (value === undefined && !('required' in field && field.required)) continue;
      if (!('validate' in field) || typeof field.validate !== 'function') continue;
      const result = await field.validate(
        value as never,
        {
          ...(field as object),
          collectionSlug: collection,
          data,
          event: 'submit',
          operation: 'create',
          path: [...path, field.name],
          preferences: { fields: {} },
          previousValue: undefined,
          req,
          siblingData: sibling,
        } as never,
      );
      if (typeof result === 'string')
        problems.push({ path: [...path, field.name].join('.'), message: result });
    }
  };
  await walk(config.flattenedFields, data, []);
  return problems;
}

/** The rows of both files, with the file and collection each writes to. */
export type PlannedRows = {
  artisans: { file: string; plans: ArtisanPlan[] };
  works: { file: string; plans: WorkPlan[] };
};

/**
 * The collections' own field rules, on the values each row would write. A column that has a
 * problem already is not reported again in the collection's words.
 */
export async function checkRowRules(req: PayloadRequest, rows: PlannedRows, problems: Problem[]) {
  const checks = [
    ...rows.artisans.plans.map((plan) => ({
      plan,
      file: rows.artisans.file,
      collection: 'artisans' as const,
    })),
    ...rows.works.plans.map((plan) => ({ plan, file: rows.works.file, collection: 'works' as const })),
  ];
  for (const { plan, file, collection } of checks) {
    const data = { ...plan.data, ...plan.byLocale.en };
    for (const problem of await checkFieldRules(req, collection, data)) {
      const column = columnOf(collection, problem.path);
      const known = problems.some((p) => p.file === file && p.row === plan.row.line && p.column === column);
      if (!known) problems.push({ file, row: plan.row.line, column, message: problem.message });
    }
  }
}
