import type { FieldHook } from 'payload';
import { hasRole } from '../access/roles';

/**
 * On create, the signed-in user becomes the owner whatever the request said; an admin may set
 * another owner explicitly. On update the stored owner is kept unless an admin changes it.
 */
export const setCreatedBy: FieldHook = ({ operation, req, value, originalDoc }) => {
  const isAdmin = hasRole(req.user, 'admin');
  if (operation === 'create') {
    if (isAdmin && value) return value;
    return req.user?.id ?? value ?? null;
  }
  if (isAdmin) return value;
  return originalDoc?.createdBy ?? null;
};
