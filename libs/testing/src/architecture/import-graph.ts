// The import graph of the source tree, for the architecture spec (docs/ARCHITECTURE.md, "Folders"): every import
// specifier of every .ts file, resolved to a file when it is relative or a @tsunagu alias. Read with the TypeScript
// compiler's pre-processor, which sees static imports, re-exports, `import()` and `require()` alike.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/** One import: the file that imports (repo-relative, `/` separated), what it wrote, and the file it reaches, if ours. */
export interface ImportEdge {
  from: string;
  specifier: string;
  to: string | null;
}

/** `@tsunagu/<name>` and `@tsunagu/<name>/<sub>` resolve to `libs/<name>/src[/<sub>]`, as tsconfig.json's paths say. */
const ALIAS = /^@tsunagu\/([a-z-]+)(\/.*)?$/;

export function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** Every .ts file under the given repo-relative folders, skipping build output, dependencies and browser bundles. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist' || name === 'histories' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(toRepoPath(root, path));
    }
  };
  for (const folder of folders) if (existsSync(join(root, folder))) walk(join(root, folder));
  return files.sort();
}

export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  return files.flatMap((from) =>
    importSpecifiers(readFileSync(join(root, from), 'utf8')).map((specifier) => ({ from, specifier, to: resolveSpecifier(root, from, specifier) })),
  );
}

function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  const alias = ALIAS.exec(specifier);
  let base: string;
  if (alias) base = join(root, 'libs', alias[1], 'src', alias[2] ?? '');
  else if (specifier.startsWith('.')) base = resolve(root, dirname(from), specifier);
  else return null;
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return toRepoPath(root, candidate);
  }
  return null;
}

function toRepoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * The import cycles: each strongly connected component of more than one file, or a file that imports itself, as its
 * files in order (Tarjan's algorithm). Pure, so it is tested on small graphs.
 */
export function importCycles(edges: readonly Pick<ImportEdge, 'from' | 'to'>[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (to !== null) next.get(from)!.push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (next.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The package a file belongs to: `apps/<name>`, `libs/<name>`, or a top-level folder (`workflows`, `scripts`, `test`). */
export function packageOf(file: string): string {
  const [top, name] = file.split('/');
  return top === 'apps' || top === 'libs' ? `${top}/${name}` : top;
}
