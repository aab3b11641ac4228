import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The workspace's import graph and the boundaries it must keep: a package is used through its
 * `exports` and listed among the user's dependencies, no file reaches into another package by a
 * relative path, test helpers stay in tests, and neither packages nor modules import in a circle.
 * `pnpm check:imports` prints what it finds; scripts/tests/importGraph.test.ts fails on it.
 */

export type Problem = { file: string; line: number; specifier: string; message: string };

export type PackageInfo = {
  name: string;
  dir: string;
  exports: Record<string, string>;
  dependencies: Set<string>;
  devDependencies: Set<string>;
};

export type ImportEdge = { from: string; to: string; line: number; specifier: string; typeOnly: boolean };

export type ImportGraphReport = {
  packages: PackageInfo[];
  files: number;
  imports: number;
  /** `@oyu/a → @oyu/b` with how many imports make it, tests apart. */
  packageEdges: Map<string, { runtime: number; tests: number }>;
  problems: Problem[];
};

/** Rooms of a package that must not import rooms above them: a library never imports its UI. */
const layers: { room: string; mayNotImport: string[] }[] = [
  {
    room: 'site/src/lib',
    mayNotImport: ['site/src/islands', 'site/src/components', 'site/src/pages', 'site/src/layouts'],
  },
  { room: 'cms/src/collections', mayNotImport: ['cms/src/admin'] },
  { room: 'shared-types/src', mayNotImport: ['cms', 'site', 'scripts'] },
];

const sourceExtensions = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.astro'];
const resolveExtensions = ['.ts', '.tsx', '.mts', '.astro', '.js', '.mjs', '.json', '.css'];

export function readPackages(root: string): PackageInfo[] {
  const workspace = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const dirs = [...workspace.matchAll(/^ {2}- (\S+)$/gm)].map((match) => match[1] as string);
  return dirs.map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    return {
      name: manifest.name,
      dir,
      exports: manifest.exports ?? {},
      dependencies: new Set(Object.keys(manifest.dependencies ?? {})),
      devDependencies: new Set(Object.keys(manifest.devDependencies ?? {})),
    };
  });
}

/** Tests and a package's own tool configs (vitest.config.ts…): they may use devDependencies. */
export function isTestFile(file: string): boolean {
  return /(^|\/)tests\//.test(file) || /^[^/]+\/[^/]*\.config\.[cm]?ts$/.test(file);
}

function sourceFiles(root: string, packages: PackageInfo[]): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return listed
    .split('\n')
    .filter((file) => packages.some((pkg) => file.startsWith(`${pkg.dir}/`)))
    .filter((file) => sourceExtensions.includes(path.extname(file)) && !file.endsWith('.d.ts'))
    .filter((file) => fs.existsSync(path.join(root, file)));
}

/** The script parts of an .astro file: its frontmatter and its <script> elements. */
function scriptText(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const lines = text.split('\n');
  // Keep line numbers: blank out everything that is not script.
  let inScript = false;
  let frontmatter = 0;
  return lines
    .map((line) => {
      if (frontmatter < 2 && line.trim() === '---') {
        frontmatter++;
        return '';
      }
      if (frontmatter === 1) return line;
      if (/<script\b[^>]*>/.test(line) && !/<\/script>/.test(line)) {
        inScript = true;
        return '';
      }
      if (inScript && /<\/script>/.test(line)) {
        inScript = false;
        return '';
      }
      return inScript ? line : '';
    })
    .join('\n');
}

type RawImport = { specifier: string; line: number; typeOnly: boolean };

function importsOf(file: string, text: string): RawImport[] {
  const source = ts.createSourceFile(file, scriptText(file, text), ts.ScriptTarget.Latest, true);
  const found: RawImport[] = [];
  const add = (literal: ts.Node, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart()).line + 1;
    found.push({ specifier: literal.text, line, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, Boolean(node.importClause?.isTypeOnly));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      if (node.arguments[0]) add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node.argument.literal, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveFile(root: string, base: string): string | undefined {
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    ...resolveExtensions.map((extension) => base + extension),
    ...resolveExtensions.map((extension) => path.join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) =>
    fs.statSync(path.join(root, candidate), { throwIfNoEntry: false })?.isFile(),
  );
}

/** The file an `exports` entry maps a subpath to, or undefined when the package does not export it. */
export function exportTarget(pkg: PackageInfo, subpath: string): string | undefined {
  for (const [key, target] of Object.entries(pkg.exports)) {
    const star = key.indexOf('*');
    if (star < 0) {
      if (key === subpath) return path.join(pkg.dir, target);
      continue;
    }
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const middle = subpath.slice(prefix.length, subpath.length - suffix.length);
      return path.join(pkg.dir, target.replace('*', middle));
    }
  }
  return undefined;
}

const inRoom = (file: string, room: string) => file === room || file.startsWith(`${room}/`);

/** Every cycle in a directed graph, each as the strongly connected component's members (Tarjan). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(node, Math.min(low.get(node) as number, indices.get(next) as number));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) connect(node);
  return found;
}

type Context = { root: string; packages: PackageInfo[]; problems: Problem[] };

/** Checks one `@oyu/…` import against the importer's manifest and the target's exports. */
function checkWorkspaceImport(context: Context, file: string, owner: PackageInfo, raw: RawImport) {
  const [scope, name, ...rest] = raw.specifier.split('/');
  const target = context.packages.find((pkg) => pkg.name === `${scope}/${name}`);
  if (!target) return undefined;
  const report = (message: string) =>
    context.problems.push({ file, line: raw.line, specifier: raw.specifier, message });
  if (target !== owner) {
    const declared = isTestFile(file)
      ? owner.dependencies.has(target.name) || owner.devDependencies.has(target.name)
      : owner.dependencies.has(target.name);
    if (!declared) {
      const where = isTestFile(file) ? 'dependencies or devDependencies' : 'dependencies';
      report(`${target.name} is not in ${owner.dir}/package.json's ${where}: declare it there.`);
    }
  }
  const subpath = rest.length ? `./${rest.join('/')}` : '.';
  const resolved = exportTarget(target, subpath);
  if (!resolved) {
    report(
      `${target.name} does not export "${subpath}": add it to ${target.dir}/package.json's exports, or use one it has.`,
    );
    return undefined;
  }
  return resolveFile(context.root, resolved) ?? resolved;
}

/** Checks one relative import: it stays in its package and a non-test file never loads a test helper. */
function checkRelativeImport(context: Context, file: string, owner: PackageInfo, raw: RawImport) {
  const base = path.normalize(path.join(path.dirname(file), raw.specifier.replace(/\?.*$/, '')));
  const found = resolveFile(context.root, base);
  const resolved = found ?? base;
  const report = (message: string) =>
    context.problems.push({ file, line: raw.line, specifier: raw.specifier, message });
  if (!found) report('names no file: a file moved without its importers.');
  const targetPackage = context.packages.find((pkg) => inRoom(resolved, pkg.dir));
  if (targetPackage !== owner) {
    const into = targetPackage
      ? `${targetPackage.name} (${targetPackage.dir}/)`
      : 'a folder outside the package';
    const fix = targetPackage
      ? `import it as ${targetPackage.name}/… through its exports`
      : 'move what it needs into the package';
    report(`reaches into ${into} by a relative path: ${fix}.`);
  } else if (!isTestFile(file) && isTestFile(resolved)) {
    report('a test helper used outside the tests: move what it needs out of tests/.');
  }
  return resolved;
}

function checkLayers(context: Context, file: string, resolved: string, raw: RawImport) {
  for (const layer of layers) {
    if (!inRoom(file, layer.room)) continue;
    const upper = layer.mayNotImport.find((room) => inRoom(resolved, room));
    if (upper) {
      const message = `${layer.room} may not import ${upper}: move what both need into ${layer.room}.`;
      context.problems.push({ file, line: raw.line, specifier: raw.specifier, message });
    }
  }
}

function checkExports(context: Context) {
  for (const pkg of context.packages) {
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (isTestFile(path.join(pkg.dir, target))) {
        const message = `${pkg.name} exports a test helper as "${key}": test helpers stay in tests.`;
        context.problems.push({ file: `${pkg.dir}/package.json`, line: 1, specifier: key, message });
      }
    }
  }
}

function checkPackageCycles(context: Context) {
  const graph = new Map<string, Set<string>>();
  for (const pkg of context.packages) {
    const uses = [...pkg.dependencies, ...pkg.devDependencies].filter((name) =>
      context.packages.some((other) => other.name === name),
    );
    graph.set(pkg.name, new Set(uses));
  }
  for (const cycle of cycles(graph)) {
    const message = `packages depend on each other in a circle: ${cycle.join(' ⇄ ')}.`;
    context.problems.push({ file: 'package.json', line: 1, specifier: cycle.join(','), message });
  }
}

function checkModuleCycles(context: Context, edges: ImportEdge[]) {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!graph.has(edge.from)) graph.set(edge.from, new Set());
    graph.get(edge.from)?.add(edge.to);
  }
  for (const cycle of cycles(graph)) {
    const first = cycle[0] as string;
    const edge = edges.find((candidate) => candidate.from === first && cycle.includes(candidate.to));
    const message = `modules import each other in a circle: ${cycle.join(' → ')}; move what they share into a module both import.`;
    context.problems.push({ file: first, line: edge?.line ?? 1, specifier: edge?.specifier ?? '', message });
  }
}

export function checkImportGraph(root: string): ImportGraphReport {
  const packages = readPackages(root);
  const context: Context = { root, packages, problems: [] };
  const files = sourceFiles(root, packages);
  const edges: ImportEdge[] = [];
  const packageEdges = new Map<string, { runtime: number; tests: number }>();
  let imports = 0;
  for (const file of files) {
    const owner = packages.find((pkg) => inRoom(file, pkg.dir)) as PackageInfo;
    for (const raw of importsOf(file, fs.readFileSync(path.join(root, file), 'utf8'))) {
      imports++;
      let resolved: string | undefined;
      if (raw.specifier.startsWith('.')) resolved = checkRelativeImport(context, file, owner, raw);
      else if (raw.specifier.startsWith('@oyu/')) {
        resolved = checkWorkspaceImport(context, file, owner, raw);
        const target = raw.specifier.split('/').slice(0, 2).join('/');
        const key = `${owner.name} → ${target}`;
        const count = packageEdges.get(key) ?? { runtime: 0, tests: 0 };
        count[isTestFile(file) ? 'tests' : 'runtime']++;
        packageEdges.set(key, count);
      }
      if (!resolved) continue;
      checkLayers(context, file, resolved, raw);
      if (files.includes(resolved)) edges.push({ from: file, to: resolved, ...raw });
    }
  }
  checkExports(context);
  checkPackageCycles(context);
  // Type-only imports vanish at run time, but a circle of them still ties two modules together.
  checkModuleCycles(context, edges);
  return { packages, files: files.length, imports, packageEdges, problems: context.problems };
}

export function formatImportGraph(report: ImportGraphReport): string {
  const lines = [
    `Checked ${report.imports} imports in ${report.files} files of ${report.packages.length} packages.`,
  ];
  lines.push('', 'Packages and what uses them (imports from source / from tests):');
  for (const [edge, count] of [...report.packageEdges].sort())
    lines.push(`  ${edge}: ${count.runtime} / ${count.tests}`);
  lines.push('');
  if (report.problems.length === 0) lines.push('No import crosses a boundary.');
  else {
    lines.push(`${report.problems.length} import(s) cross a boundary:`);
    for (const problem of report.problems) {
      lines.push(`  ${problem.file}:${problem.line} "${problem.specifier}": ${problem.message}`);
    }
  }
  return lines.join('\n');
}
