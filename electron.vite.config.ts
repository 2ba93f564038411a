import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

// Three builds, one per Electron process, plus the headless CLI bundled next to the main process so
// that `npx flightdeck` (web mode, sim run) runs exactly the code the desktop app runs.
const contractAlias = { '@contract': resolve(__dirname, 'src-main/core/contract') };

export default defineConfig({
  main: {
    resolve: { alias: contractAlias },
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          main: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: contractAlias },
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(__dirname, 'src-main/electron/preload.ts') },
        // Sandboxed preload scripts cannot be ES modules (electronjs.org/docs/latest/tutorial/esm).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias: { ...contractAlias, '@': resolve(__dirname, 'src-renderer/src') } },
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; web mode serves it over HTTP.
      minify: process.env.FLIGHTDECK_UNMINIFIED ? false : true,
      rolldownOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
