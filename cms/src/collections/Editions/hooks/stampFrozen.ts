import type { CollectionBeforeChangeHook } from 'payload';

/** Records when an edition was frozen; the server sets it, never the form. */
export const stampFrozen: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data.frozen && !originalDoc?.frozen) data.frozenAt = new Date().toISOString();
  else if (!data.frozen) data.frozenAt = null;
  else data.frozenAt = originalDoc?.frozenAt ?? new Date().toISOString();
  return data;
};
