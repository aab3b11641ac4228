import type { Access } from 'payload';
import { hasRole } from './roles';

/** Any member of staff: curators, organisers and admins. */
export const isCurator: Access = ({ req: { user } }) => hasRole(user, 'admin', 'organiser', 'curator');
