import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload';

/**
 * Works around a defect of @payloadcms/plugin-cloud-storage 3.90.1 (under storage-s3) with
 * requests that carry several operations, as the seed and the import do (one request, one
 * transaction):
 *
 * - its `preserveFileData` hook (added by https://github.com/payloadcms/payload/pull/15570)
 *   keeps the first upload's bytes in `req.context` and never lets go, so every later photo of
 *   the request would be stored with the first one's bytes, and every later update of a photo
 *   without a new file (the visibility refresh) would store them again; no upstream issue
 *   found for this one;
 * - its `skipCloudStorage` flag can stay behind on a context object the caller reuses
 *   (https://github.com/payloadcms/payload/issues/17546 and
 *   https://github.com/payloadcms/payload/issues/18191), after which uploads are silently not
 *   stored at all.
 *
 * Both are per-operation state. This clears them when each operation on `slugs` starts, so an
 * operation stores its own file or none. Remove once the plugin scopes this state per
 * operation: "stores each photo's own bytes when one request carries several uploads and
 * updates" in cms/tests/int/s3Storage.test.ts, with this plugin off, tells.
 */
const resetCloudStorageState: CollectionBeforeOperationHook = ({ req }) => {
  if (req.context) {
    delete req.context._payloadCloudStorage;
    delete req.context.skipCloudStorage;
  }
};

export function freshUploadState(slugs: string[]): Plugin {
  return (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      slugs.includes(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeOperation: [resetCloudStorageState, ...(collection.hooks?.beforeOperation ?? [])],
            },
          }
        : collection,
    ),
  });
}
