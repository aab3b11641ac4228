import type { Access } from 'payload';

/**
 * Signed-in staff read everything; the public reads published documents only. Returning a
 * query instead of `true` is what keeps drafts out of list results and out of `?draft=true`
 * (a plain `() => true` leaks drafts to anyone who asks for them).
 * https://payloadcms.com/docs/access-control/collections#read
 */
export const publishedOrSignedIn: Access = ({ req: { user } }) => {
  if (user) return true;
  return { _status: { equals: 'published' } };
};
