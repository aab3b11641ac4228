import { type CollectionBeforeValidateHook, ValidationError } from 'payload';

type Ref = number | { id: number } | null | undefined;
const idOf = (ref: Ref) => (typeof ref === 'object' && ref ? ref.id : ref);

/** A credit names one of the work's makers, and each maker at most once. */
export const validateMakerRoles: CollectionBeforeValidateHook = ({ data, originalDoc, collection, req }) => {
  const roles = (data?.makerRoles ?? originalDoc?.makerRoles ?? []) as { artisan?: Ref }[];
  const makers = new Set(((data?.artisans ?? originalDoc?.artisans ?? []) as Ref[]).map(idOf));
  const seen = new Set<unknown>();
  const errors: { path: string; message: string }[] = [];
  for (const [index, role] of roles.entries()) {
    const id = idOf(role.artisan);
    if (id === undefined || id === null) continue;
    if (!makers.has(id)) {
      errors.push({
        path: `makerRoles.${index}.artisan`,
        message: 'Credit a maker of this work: add them to Artisans first.',
      });
    } else if (seen.has(id)) {
      errors.push({ path: `makerRoles.${index}.artisan`, message: 'This maker is credited twice.' });
    }
    seen.add(id);
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors }, req.t);
  return data;
};
