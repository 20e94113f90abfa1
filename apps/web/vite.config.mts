// The web console's build (`npm run build` → dist/web, served by the api at /) and its component tests (Vitest, jsdom).
// JSX goes through Vite 8's own oxc transform (automatic runtime); Tailwind CSS 4 through its Vite plugin.
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Every browser the console supports reads WOFF2: @fontsource's WOFF fallbacks go, which shortens the CSS every first
 * screen downloads (a url per unicode-range slice) and keeps some 250 unused files out of the build.
 */
function woff2Only(): Plugin {
  return {
    name: 'tsunagu:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource\/noto-sans-jp\/\d+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [woff2Only(), tailwindcss()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // scripts/web-bundle-size.mjs reads it to report each route's JS + CSS.
    manifest: true,
    target: 'es2022',
    // Every file is served from our origin; never inline a font or image as data: (the CSP allows it, the budget does not).
    assetsInlineLimit: 0,
    // No module-preload polyfill: every browser we support has it, and its loader is code we need not ship.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Timings are for profiling, not for every build's output.
      checks: { bundlerTimings: false },
      onwarn(warning, warn) {
        // react-router marks its modules "use client" (for React Server Components); meaningless in this bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
