import path from 'node:path';
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

/**
 * What the first build of a process kept between builds would otherwise pay for, done while
 * nothing is being built: the snapshot read, each of its documents' entries of the data index
 * worked out (kept per document: lib/incremental.ts), and the live release's indexes read
 * (kept per file: lib/fileMemo.ts). Returns how many documents the snapshot holds.
 */
export async function warmBuildState(options: {
  snapshotDir: string;
  liveDir?: string | undefined;
}): Promise<number> {
  const docs = await readWholeSnapshot(options.snapshotDir);
  try {
    dataIndex(await readBuildData(options.snapshotDir), '');
  } catch {
    // A snapshot the site cannot index (written by hand, from older code) is the build's to
    // report, in its words: getting ready only saves time.
  }
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
