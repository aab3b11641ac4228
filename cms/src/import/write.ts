import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload';
import { checkDeferred, type Refusal } from '../contract';
import { refreshMediaVisibility } from '../hooks/refreshMediaVisibility';
import { registerMediaWriter, sweepOrphanFiles } from '../media/orphans';
import type { Catalogue } from './catalogue';
import { columnOf } from './columns';
import { newWriter, type Writer } from './documents';
import type { PlannedRows } from './fieldRules';
import type { NewTerms } from './terms';
import type { ImportInput, ImportResult, ImportSummary, Problem } from './types';
import { writeRows } from './writeRows';

/**
 * Writes the checked rows in one transaction: all rows or none. A row Payload refuses, or a
 * document the publishing contract refuses, is reported by row, and nothing stays, files included.
 */
export async function writeImport(
  payload: Payload,
  req: PayloadRequest,
  write: { rows: PlannedRows; catalogue: Catalogue; newTerms: NewTerms; input: ImportInput },
  summary: ImportSummary,
  problems: Problem[],
): Promise<ImportResult> {
  // Files an earlier, killed import left go first; while this one writes, nobody sweeps.
  await sweepOrphanFiles(payload);
  const unregister = await registerMediaWriter();
  await initTransaction(req);
  const w = newWriter(payload, req, summary, problems, write.input.onProgress);
  try {
    await writeRows(w, write.rows, write.catalogue, write.newTerms);
    // Every photo the rows name or named before: a reused photo may change visibility too.
    await refreshMediaVisibility(req, [...w.mediaIds, ...w.usedPhotos]);
    reportRefusals(w, await checkDeferred(req, write.input.language ?? 'en'));
    if (problems.length) {
      await rollBack(w, req);
      return { ok: false, problems };
    }
    await commitTransaction(req);
    return { ok: true, summary };
  } catch (error) {
    await rollBack(w, req);
    if (problems.length) return { ok: false, problems };
    throw error;
  } finally {
    await unregister();
  }
}

/** The contract's refusals as problems of the rows that wrote the documents. */
function reportRefusals(w: Writer, refusals: Refusal[]) {
  for (const refusal of refusals) {
    const origin = w.rowOf.get(`${refusal.collection}:${String(refusal.id)}`);
    for (const problem of refusal.problems) {
      w.problems.push({
        file: origin?.file ?? refusal.collection,
        row: origin?.row.line ?? 0,
        column: columnOf(refusal.collection, problem.path),
        message: problem.message,
      });
    }
  }
}

async function rollBack(w: Writer, req: PayloadRequest) {
  await killTransaction(req);
  // What cannot be removed now, the next sweep removes (media/orphans.ts).
  await w.store.remove(w.writtenFiles.filter(Boolean)).catch(() => undefined);
}
