import { type CollectionBeforeValidateHook, ValidationError } from 'payload';

/** A year range must run forwards: "to" is empty or not before "from". */
export const validateYearRange: CollectionBeforeValidateHook = ({ data, originalDoc, collection, req }) => {
  const year = data?.year ?? originalDoc?.year;
  if (typeof year?.from === 'number' && typeof year?.to === 'number' && year.to < year.from) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [
          { path: 'year.to', message: `The range ends (${year.to}) before it starts (${year.from}).` },
        ],
      },
      req.t,
    );
  }
  return data;
};
