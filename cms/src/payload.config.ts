import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLocale, localeNames, locales } from '@oyu/shared-types';
import { lexicalEditor } from '@payloadcms/richtext-lexical';
import { buildConfig } from 'payload';
import sharp from 'sharp';
import { Artisans } from './collections/Artisans';
import { Media } from './collections/Media';
import { Users } from './collections/Users';
import { Works } from './collections/Works';
import { databaseAdapter } from './database';
import { env } from './env';

const dirname = path.dirname(fileURLToPath(import.meta.url));

export default buildConfig({
  serverURL: env.serverUrl,
  secret: env.payloadSecret,
  admin: {
    user: Users.slug,
    // No Gravatar: the admin must work without the internet.
    avatar: 'default',
    importMap: {
      baseDir: dirname,
      ...(env.generateDir ? { importMapFile: path.join(env.generateDir, 'importMap.js') } : {}),
    },
    meta: { titleSuffix: '· Oyu' },
  },
  collections: [Users, Media, Artisans, Works],
  localization: {
    locales: locales.map((code) => ({ code, label: localeNames[code] })),
    defaultLocale,
    fallback: true,
  },
  editor: lexicalEditor(),
  db: databaseAdapter(env),
  sharp,
  cors: [env.serverUrl, ...env.corsOrigins],
  csrf: [env.serverUrl, ...env.corsOrigins],
  upload: {
    limits: { fileSize: 50 * 1024 * 1024 },
  },
  telemetry: false,
  typescript: {
    outputFile: env.generateDir
      ? path.join(env.generateDir, 'payload-types.ts')
      : path.resolve(dirname, '../../shared-types/src/payload-types.ts'),
  },
});
