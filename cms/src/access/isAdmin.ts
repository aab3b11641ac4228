import type { Access, FieldAccess } from 'payload';
import { hasRole } from './roles';

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin');

/** Field-level twin of `isAdmin`, e.g. so nobody but an admin can change roles. */
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin');
