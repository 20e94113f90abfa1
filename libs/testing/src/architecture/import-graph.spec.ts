// Arrows one way (docs/ARCHITECTURE.md, "Folders"): no import cycles, libraries never import apps or workflows, and a
// relative import stays inside its own app, library or folder; across them, @tsunagu aliases. The only exceptions are
// the files of the workflow bundle, where aliases do not resolve, and jest's global setups, which run unmapped.
import { repoRoot } from '../tools';
import { importCycles, importEdges, packageOf, sourceFiles } from './import-graph';

/** Bundled for the workflow sandbox (workflowsPath: workflows/src), so they reach libs/ by relative path. */
function inWorkflowBundle(file: string): boolean {
  if (file.startsWith('libs/workflow-contracts/src/') || file.startsWith('libs/domain/src/')) return true;
  return file.startsWith('workflows/src/') && !file.endsWith('.workflow-spec.ts') && !file.includes('/testing/');
}

/**
 * Jest runs global setup and teardown without module mapping, so they import by relative path: the e2e tier's require the
 * build (dist/), the db tier's the launcher's source.
 */
const LOADS_THE_BUILD = new Set(['test/e2e/global-setup.ts', 'test/e2e/global-teardown.ts', 'test/db/global-setup.ts', 'test/db/global-teardown.ts']);

describe('import graph (pure checks)', () => {
  it('finds every cycle once, as a sorted component, and a file that imports itself', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'a' },
      { from: 'c', to: 'd' },
      { from: 'd', to: null },
      { from: 'e', to: 'e' },
      { from: 'f', to: 'd' },
    ];
    expect(importCycles(edges)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(importCycles(edges.filter((edge) => edge.from !== 'c'))).toEqual([['e']]);
  });

  it('names the package of a file', () => {
    expect(packageOf('apps/api/src/common/viewer.ts')).toBe('apps/api');
    expect(packageOf('libs/crypto/src/cipher.ts')).toBe('libs/crypto');
    expect(packageOf('workflows/src/index.ts')).toBe('workflows');
  });
});

describe('the source tree', () => {
  const root = repoRoot();
  const edges = importEdges(root, sourceFiles(root, ['apps', 'libs', 'workflows', 'scripts', 'test']));
  const describeEdge = (edge: { from: string; specifier: string }) => `${edge.from} imports '${edge.specifier}'`;

  it('is read', () => {
    expect(edges.filter((edge) => edge.to?.startsWith('libs/domain/')).length).toBeGreaterThan(50);
  });

  it('has no import cycle', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('has libraries that never import an app, the workflows, scripts or tests', () => {
    const upward = edges.filter((edge) => edge.from.startsWith('libs/') && edge.to !== null && !edge.to.startsWith('libs/'));
    expect(upward.map(describeEdge)).toEqual([]);
  });

  it("has the api's common/ and config/ importing no feature folder", () => {
    const base = (file: string) => /^apps\/api\/src\/(common|config)\//.test(file);
    const intoFeatures = edges.filter((edge) => base(edge.from) && edge.to?.startsWith('apps/api/src/') && !base(edge.to));
    expect(intoFeatures.map(describeEdge)).toEqual([]);
  });

  it('imports across apps and libraries by @tsunagu alias, except in the workflow bundle and the e2e global setup', () => {
    const crossing = edges.filter(
      (edge) =>
        edge.specifier.startsWith('.') &&
        edge.to !== null &&
        packageOf(edge.from) !== packageOf(edge.to) &&
        !(inWorkflowBundle(edge.from) && inWorkflowBundle(edge.to)) &&
        !LOADS_THE_BUILD.has(edge.from) &&
        // Scripts are entry points, not a package: print-schema builds the api's schema from its AppModule.
        !(edge.from.startsWith('scripts/') && edge.to.startsWith('apps/')) &&
        // A console test holds the console's copy of a pure rule (ふりがな) to libs/domain's answers.
        !(isConsoleTest(edge.from) && edge.to.startsWith('libs/domain/src/')),
    );
    expect(crossing.map(describeEdge)).toEqual([]);
  });

  it('keeps server code out of the console bundle: apps/web imports nothing outside it but in its tests', () => {
    const outward = edges.filter(
      (edge) => edge.from.startsWith('apps/web/') && !isConsoleTest(edge.from) && edge.to !== null && !edge.to.startsWith('apps/web/'),
    );
    expect(outward.map(describeEdge)).toEqual([]);
  });
});

function isConsoleTest(file: string): boolean {
  return /^apps\/web\/src\/.*\.test\.tsx?$/.test(file);
}
