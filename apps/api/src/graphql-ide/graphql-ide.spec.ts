import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphqlIdePage, noGraphqlIdePage, readGraphqlIdeBundle } from './graphql-ide';

describe('GraphQL IDE pages', () => {
  it('the IDE page names only our bundle, on our origin, with no inline script or style', () => {
    const html = graphqlIdePage({ js: 'ide-ABC.js', css: 'ide-DEF.css' }, '/graphql');
    expect([...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1])).toEqual(['data:,', '/graphql-ide/ide-DEF.css', '/graphql-ide/ide-ABC.js']);
    expect(html).not.toMatch(/<script>|<style|style=|https?:/);
    expect(html).toContain('data-endpoint="/graphql"');
  });

  it('escapes what it puts into the page', () => {
    expect(noGraphqlIdePage('<b>"off"</b>')).toContain('&#60;b&#62;&#34;off&#34;&#60;/b&#62;');
  });

  it('reads the bundle names from the manifest, and null when the build has not made them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ide-'));
    const manifest = join(dir, 'ide-bundle.json');
    expect(readGraphqlIdeBundle(manifest, dir)).toBeNull();
    writeFileSync(manifest, JSON.stringify({ js: 'ide-A.js', css: 'ide-B.css' }));
    expect(readGraphqlIdeBundle(manifest, dir)).toBeNull();
    writeFileSync(join(dir, 'ide-A.js'), '');
    writeFileSync(join(dir, 'ide-B.css'), '');
    expect(readGraphqlIdeBundle(manifest, dir)).toEqual({ js: 'ide-A.js', css: 'ide-B.css' });
  });
});
