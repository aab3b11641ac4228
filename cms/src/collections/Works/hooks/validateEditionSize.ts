import { type CollectionBeforeValidateHook, ValidationError } from 'payload';

/** An edition needs its size; a unique piece has none. */
export const validateEditionSize: CollectionBeforeValidateHook = ({ data, originalDoc, collection, req }) => {
  if (!data) return data;
  const type = data.editionType ?? originalDoc?.editionType;
  const size = 'editionSize' in data ? data.editionSize : originalDoc?.editionSize;
  if (type === 'edition' && !size && data._status === 'published') {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'editionSize', message: 'Enter how many pieces the edition has.' }],
      },
      req.t,
    );
  }
  if (type === 'unique' && size) data.editionSize = null;
  return data;
};
