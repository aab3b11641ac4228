import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLocale, localeNames, locales } from '@oyu/shared-types';
import { s3Storage } from '@payloadcms/storage-s3';
import { en } from '@payloadcms/translations/languages/en';
import { ru } from '@payloadcms/translations/languages/ru';
import { buildConfig, type CollectionSlug, type GlobalSlug } from 'payload';
import sharp from 'sharp';
import { guardDocumentLocks } from './access/documentLocks';
import { hasRole } from './access/roles';
import { Artisans } from './collections/Artisans';
import { Editions } from './collections/Editions';
import { Materials } from './collections/Materials';
import { Media } from './collections/Media';
import { PieceTypes } from './collections/PieceTypes';
import { Showcases } from './collections/Showcases';
import { SiteBuilds } from './collections/SiteBuilds';
import { Techniques } from './collections/Techniques';
import { Users } from './collections/Users';
import { Venues } from './collections/Venues';
import { Works } from './collections/Works';
import { publishContract } from './contract';
import { databaseAdapter } from './database';
import { previewEndpoints } from './endpoints/preview';
import { env } from './env';
import { richTextEditor } from './fields/richText';
import { SiteSettings } from './globals/SiteSettings';
import { freshUploadState } from './media/freshUploadState';
import { sweepOrphanFiles } from './media/orphans';
import { s3ClientConfig } from './media/s3Settings';
import { restoreReplacedFiles } from './media/safeUpload';
import { mediaStore } from './media/storage';
import { publicSite } from './plugins/publicSite';
import { failAbandonedBuilds } from './site/buildQueue';
import { prepareBuildProcess } from './site/buildWorker';
import { rebuildSiteTask, wakeBuildQueue } from './site/rebuild';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** The collections whose published documents the public site shows. */
const shownOnSite = [Works, Artisans, Media, Editions, Showcases, Venues, Materials, Techniques, PieceTypes];

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
    components: {
      afterNavLinks: ['/admin/SiteView#SiteNavLink'],
      beforeDashboard: ['/admin/SignInAlerts#SignInAlerts'],
      views: { site: { Component: '/admin/SiteView#SiteView', path: '/site' } },
    },
  },
  collections: [...shownOnSite, Users, SiteBuilds],
  globals: [SiteSettings],
  endpoints: previewEndpoints,
  // The admin speaks the languages Payload has translations for: English and Russian (no
  // Kazakh yet). Content is kept in all three.
  i18n: { supportedLanguages: { en, ru }, fallbackLanguage: 'en' },
  localization: {
    locales: locales.map((code) => ({ code, label: localeNames[code] })),
    defaultLocale,
    fallback: true,
  },
  editor: richTextEditor,
  db: databaseAdapter(env),
  sharp,
  cors: [env.serverUrl, ...env.corsOrigins],
  csrf: [env.serverUrl, ...env.corsOrigins],
  // Oversized uploads are refused (413) rather than truncated.
  upload: {
    abortOnLimit: true,
    limits: { fileSize: 40 * 1024 * 1024, files: 1 },
    requestSizeLimit: 45 * 1024 * 1024,
  },
  // Scheduled publishing runs as Payload jobs; the production server works the queue.
  jobs: {
    tasks: [rebuildSiteTask],
    access: {
      run: ({ req }) => hasRole(req.user, 'admin', 'organiser'),
      queue: ({ req }) => hasRole(req.user, 'admin', 'organiser'),
      cancel: ({ req }) => hasRole(req.user, 'admin', 'organiser'),
    },
    autoRun: env.nodeEnv === 'production' ? [{ cron: '* * * * *', queue: 'default', limit: 20 }] : [],
  },
  onInit: async (payload) => {
    guardDocumentLocks(payload);
    // A bucket that cannot be reached stops the CMS here, with what to fix, rather than at the
    // first upload.
    if (env.s3 && !env.generateDir) await mediaStore(env).check();
    // Not while generating types or migrations: there may be no database yet.
    // Builds whose process is gone are marked failed; a build left waiting (its countdown ran
    // out while no CMS ran, or the process that would have run it stopped) is started.
    if (env.nodeEnv === 'production') {
      await failAbandonedBuilds(payload);
      wakeBuildQueue(payload, 0);
      // The build process, ready before the first edit (site/buildWorker.ts).
      prepareBuildProcess((message) =>
        payload.logger.warn(`the build process could not get ready for builds: ${message}`),
      );
    }
    // Photo files a killed upload or import left behind (media/orphans.ts), after a killed
    // replacement's old files are back (media/safeUpload.ts).
    if (!env.generateDir) {
      const restored = await restoreReplacedFiles().catch(() => 0);
      if (restored) payload.logger.info(`Put back the photo files of ${restored} interrupted replacement(s)`);
      const swept = await sweepOrphanFiles(payload).catch((error: Error) => ({
        removed: [],
        skipped: error.message,
      }));
      if (swept.removed.length) {
        payload.logger.info(
          `Removed ${swept.removed.length} photo files no record uses (left by an interrupted upload)`,
        );
      }
    }
  },
  plugins: [
    // What serving the public site asks of every collection: query guards, capped anonymous
    // reads, the public API's cache and the automatic rebuild (plugins/publicSite.ts).
    publicSite({
      collections: shownOnSite.map((collection) => collection.slug as CollectionSlug),
      globals: [SiteSettings.slug as GlobalSlug],
      cacheBytes: env.apiCacheBytes,
      readQueue: env.readQueue,
      sqliteBusyTimeoutMs: env.sqliteBusyTimeoutMs,
    }),
    // Photos in an S3-compatible bucket when S3_BUCKET is set (docs/storage.md). Registered
    // either way, with its fields, so that the schema, the migrations and the admin's import
    // map are the same with and without it. Files are still served through /api/media/file/,
    // behind the collection's read access: a draft's photos stay private in the bucket too.
    s3Storage({
      enabled: Boolean(env.s3),
      alwaysInsertFields: true,
      collections: { media: true },
      bucket: env.s3?.bucket ?? '',
      config: env.s3 ? s3ClientConfig(env.s3) : {},
    }),
    // After it: each photo operation starts without the adapter's leftovers (see the module).
    freshUploadState(['media']),
    // Whatever makes a document public leaves it as the site can build it (contract/).
    publishContract(),
  ],
  telemetry: false,
  typescript: {
    outputFile: env.generateDir
      ? path.join(env.generateDir, 'payload-types.ts')
      : path.resolve(dirname, '../../shared-types/src/payload-types.ts'),
  },
});
