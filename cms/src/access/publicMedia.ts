import type { Access } from 'payload';

/**
 * Staff see every photo. The public sees a photo only while a published work, artisan or
 * edition uses it (`isPublic`, kept up to date by the refreshMediaVisibility hook), so the
 * photos of a draft cannot be found by id, by listing, or by their file URL.
 */
export const publicMedia: Access = ({ req: { user } }) => {
  if (user) return true;
  return { isPublic: { equals: true } };
};
