import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
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
    testTimeout: 20_000,
  },
});
