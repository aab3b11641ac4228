import type { Access, PayloadRequest, Where } from 'payload';
import { hasRole } from './roles';

/** Ids of the editions a curator is assigned to, read once per request. */
async function assignedEditions(req: PayloadRequest): Promise<number[]> {
  const cacheKey = 'oyu:assignedEditions';
  const cached = req.context[cacheKey] as number[] | undefined;
  if (cached) return cached;
  const { docs } = await req.payload.find({
    collection: 'editions',
    where: { curators: { in: [req.user?.id] } },
    depth: 0,
    limit: 0,
    pagination: false,
    draft: true,
    overrideAccess: true,
    req,
    select: {},
  });
  const ids = docs.map((doc) => doc.id);
  req.context[cacheKey] = ids;
  return ids;
}

/**
 * Organisers and admins edit every work. A curator edits the works they created and the
 * works of editions they are assigned to, and nothing else: the rule is a query, so it also
 * limits bulk updates and deletes.
 */
export const canEditWork: Access = async ({ req }) => {
  const { user } = req;
  if (!user) return false;
  if (hasRole(user, 'admin', 'organiser')) return true;
  if (!hasRole(user, 'curator')) return false;
  const own: Where = { createdBy: { equals: user.id } };
  const editions = await assignedEditions(req);
  return editions.length ? { or: [own, { editions: { in: editions } }] } : own;
};
