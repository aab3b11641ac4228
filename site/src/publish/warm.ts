import path from 'node:path';
import { locales } from '@oyu/shared-types';
import { cachedNames } from '../lib/cms/media';
import {
  cspIndexFile,
  dataIndex,
  dataIndexFile,
  linkIndexFile,
  mediaIndexFile,
  readBuildData,
} from '../lib/incremental';
import { readIndex } from '../lib/jsonFile';
import { readWholeSnapshot } from '../lib/snapshot';
import { modelFromDocuments, snapshotCollections } from './model';

/**
 * What the first build of a process kept between builds would otherwise pay for, done while
 * nothing is being built: the snapshot read, each of its documents' entries of the data index
 * worked out (kept per document: lib/incremental.ts) and its stored form made (kept per
 * document: model.ts), the live release's indexes read (kept per file: lib/fileMemo.ts), and
 * the photo cache listed (lib/cms/media.ts). Returns how many documents the snapshot holds.
 */
export async function warmBuildState(options: {
  snapshotDir: string;
  liveDir?: string | undefined;
  mediaCacheDir?: string | undefined;
}): Promise<number> {
  const docs = await readWholeSnapshot(options.snapshotDir);
  try {
    const data = await readBuildData(options.snapshotDir);
    dataIndex(data, '');
    modelFromDocuments(
      Object.fromEntries(
        Object.entries(snapshotCollections).map(([collection, { name }]) => [
          collection,
          {
            byLocale: locales.map((locale) => ({ locale, docs: data.get(`${name}.${locale}`) ?? [] })),
            note: '',
          },
        ]),
      ),
    );
  } catch {
    // A snapshot the site cannot index (written by hand, from older code) is the build's to
    // report, in its words: getting ready only saves time.
  }
  if (options.mediaCacheDir) await cachedNames(options.mediaCacheDir).catch(() => undefined);
  const { liveDir } = options;
  if (liveDir) {
    await Promise.all(
      [dataIndexFile, linkIndexFile, mediaIndexFile, cspIndexFile].map((file) =>
        readIndex(path.join(liveDir, file)),
      ),
    );
  }
  return docs;
}
