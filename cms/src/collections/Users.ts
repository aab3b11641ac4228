import type { CollectionConfig } from 'payload';
import { isAdmin, isAdminField } from '../access/isAdmin';
import { isAdminOrSelf } from '../access/isAdminOrSelf';
import { isStaffOrSelf } from '../access/isStaffOrSelf';
import { roles } from '../access/roles';
import { env } from '../env';
import { limitSignIns } from '../hooks/limitSignIns';

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'roles'],
  },
  labels: { singular: { en: 'User', ru: 'Пользователь' }, plural: { en: 'Users', ru: 'Пользователи' } },
  auth: {
    // Five wrong passwords lock the account for ten minutes; only an admin can unlock sooner.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // No API keys: every change is made by a person signed in with a password.
    useAPIKey: false,
    // Sent over https only when the CMS is served over https (production); HttpOnly always, and
    // not on requests from other sites (they are also anonymous: `csrf` in payload.config.ts).
    cookies: { secure: env.serverUrl.startsWith('https://'), sameSite: 'Lax' },
    // Payload 3.90 reserves each reset request with a write outside the request's transaction,
    // which SQLite refuses while that transaction is open: every request failed with a 500.
    // Reset requests are limited per account in hooks/limitSignIns.ts instead.
    forgotPassword: { minRequestInterval: 0 },
  },
  access: {
    create: isAdmin,
    delete: isAdmin,
    read: isStaffOrSelf,
    update: isAdminOrSelf,
    // Payload's default lets any signed-in user unlock any account.
    unlock: isAdmin,
    // Anyone signed in may open the admin panel; what they see is limited by the rules above.
    admin: ({ req: { user } }) => Boolean(user),
  },
  // At most so many sign-in attempts and reset requests per client (hooks/limitSignIns.ts).
  hooks: { beforeOperation: [limitSignIns] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['curator'],
      options: roles.map((role) => ({ label: role[0]?.toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      // Only an admin can grant or take away a role, including their own.
      access: { create: isAdminField, update: isAdminField },
    },
  ],
};
