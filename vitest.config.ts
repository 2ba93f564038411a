import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      // Tests import the code under test as @main/<path under src-main>, wherever the test file sits.
      '@main': resolve(__dirname, 'src-main'),
      '@contract': resolve(__dirname, 'src-main/core/contract'),
      '@': resolve(__dirname, 'src-renderer/src'),
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/soak/**/*.test.ts'],
    globalSetup: ['test/trust-summary.ts'],
    // The soak test measures heap growth after forced collections.
    execArgv: ['--expose-gc'],
    environment: 'node',
    pool: 'forks',
    // Generous for a loaded 2-core machine (a moto hook once timed out at 10 s in CI); hooks start
    // moto_server and local fakes. Performance is measured by npm run bench, never by timeouts.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
