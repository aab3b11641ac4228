/**
 * The publisher's side of the site: the documents in memory (model.ts) and the render app that
 * draws pages from them (render.ts). scripts/lib uses it through `@oyu/site/publish`.
 */

export type { Plan } from '../lib/incremental';
export { dataSourceOf, modelFromSnapshot, type SiteModel, snapshotCollections } from './model';
export { loadRenderApp, pathOfFile, type RenderApp, renderFiles } from './render';
