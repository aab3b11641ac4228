/**
 * `pnpm check:imports`: the workspace's import boundaries (scripts/lib/importGraph.ts). Prints
 * which package uses which and every import that crosses a boundary; exits 1 if one does.
 */
import { repoRoot } from './lib/env';
import { checkImportGraph, formatImportGraph } from './lib/importGraph';

const report = checkImportGraph(repoRoot);
process.stdout.write(`${formatImportGraph(report)}\n`);
if (report.problems.length > 0) process.exitCode = 1;
