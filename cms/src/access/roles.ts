/**
 * Who does what in Oyu. Admins run the installation; organisers run editions and publish the
 * site; curators enter artisans and works.
 */
export const roles = ['admin', 'organiser', 'curator'] as const;
export type Role = (typeof roles)[number];

/** True when the user holds any of the wanted roles. Anonymous visitors hold none. */
export function hasRole(user: unknown, ...wanted: Role[]): boolean {
  if (typeof user !== 'object' || user === null || !('roles' in user)) return false;
  const held = (user as { roles?: unknown }).roles;
  return Array.isArray(held) && held.some((role) => (wanted as readonly string[]).includes(role));
}
