import type { Access, FieldAccess } from 'payload';
import { hasRole } from './roles';

/** Organisers run editions, collections, venues, vocabularies and settings; admins can too. */
export const isOrganiser: Access = ({ req: { user } }) => hasRole(user, 'admin', 'organiser');

export const isOrganiserField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'organiser');
