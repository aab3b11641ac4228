import type { CollectionConfig } from 'payload';
import { isAdmin, isAdminField } from '../access/isAdmin';
import { isAdminOrSelf } from '../access/isAdminOrSelf';
import { isStaffOrSelf } from '../access/isStaffOrSelf';
import { roles } from '../access/roles';
import { forgotPasswordEndpoint } from '../auth/forgotPassword';
import { clearAfterReset, limitSignIn, rememberDevice } from '../auth/signIn';
import { env } from '../env';

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'roles'],
  },
  labels: { singular: { en: 'User', ru: 'Пользователь' }, plural: { en: 'Users', ru: 'Пользователи' } },
  auth: {
    // No lockout: Payload's lets a stranger keep any account, the only admin's included, locked
    // for good. Wrong passwords slow down only the lane they come from (auth/limits.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    // No API keys: every change is made by a person signed in with a password.
    useAPIKey: false,
    // Sent over https only when the CMS is served over https (production); HttpOnly always, and
    // not on requests from other sites (they are also anonymous: `csrf` in payload.config.ts).
    cookies: { secure: env.serverUrl.startsWith('https://'), sameSite: 'Lax' },
    // Payload 3.90 reserves each reset request with a write outside the request's transaction,
    // which SQLite refuses while that transaction is open: every request would fail with a 500.
    // Reset requests are limited per account in auth/forgotPassword.ts instead. No upstream
    // issue found; the interval can come back once "password-reset requests" in
    // cms/tests/int/signInLimit.test.ts passes with it set, on SQLite.
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
  // Sign-in and reset requests are limited in lanes a stranger cannot turn against the owner
  // (auth/), and answer alike for accounts that exist and those that do not.
  hooks: { beforeOperation: [limitSignIn], afterLogin: [rememberDevice], afterOperation: [clearAfterReset] },
  endpoints: [forgotPasswordEndpoint],
  // Signing in and asking for a reset go through REST only, where the limits above apply in
  // full; accounts are managed in the admin.
  graphQL: { disableMutations: true },
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
