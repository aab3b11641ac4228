import { type CollectionBeforeValidateHook, ValidationError } from 'payload';

/** An edition ends on or after the day it starts. */
export const validateDates: CollectionBeforeValidateHook = ({ data, originalDoc, collection, req }) => {
  const start = data?.startDate ?? originalDoc?.startDate;
  const end = data?.endDate ?? originalDoc?.endDate;
  if (start && end && new Date(end) < new Date(start)) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'endDate', message: 'The edition ends before it starts.' }],
      },
      req.t,
    );
  }
  return data;
};
