/**
 * The publisher's side of the site: the documents in memory (model.ts) and the render app that
 * draws pages from them (render.ts). scripts/lib uses it through `@oyu/site/publish`.
 */

export { readEnv as readSiteEnv, type SiteEnv } from '../env';
export { folderRenamed } from '../lib/fileMemo';
export type { Plan } from '../lib/incremental';
export {
  dataSourceOf,
  modelFromDocuments,
  modelFromSnapshot,
  type SiteModel,
  snapshotCollections,
} from './model';
export { type PublishEvent, type PublishResult, publishChanges } from './publish';
export { loadRenderApp, pathOfFile, type RenderApp, renderFiles } from './render';
export { readySpare, sparesMade, stageFromRelease } from './stage';
export { warmBuildState } from './warm';
