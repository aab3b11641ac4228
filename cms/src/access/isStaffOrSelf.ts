import type { Access } from 'payload';
import { hasRole } from './roles';

/** Admins and organisers see every account (to assign curators); curators see their own. */
export const isStaffOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false;
  if (hasRole(user, 'admin', 'organiser')) return true;
  return { id: { equals: user.id } };
};
