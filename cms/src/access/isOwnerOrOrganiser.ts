import type { Access } from 'payload';
import { hasRole } from './roles';

/** Organisers and admins change everything; anyone else signed in only what they created. */
export const isOwnerOrOrganiser: Access = ({ req: { user } }) => {
  if (!user) return false;
  if (hasRole(user, 'admin', 'organiser')) return true;
  return { createdBy: { equals: user.id } };
};
