import { defineConfig } from 'vitest/config';

// End-to-end: the built app in web mode, driven in Debian Chromium. One file at a time: each test
// starts its own server and browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    // Hooks start servers and browsers: on a loaded 2-core CI machine that can take minutes.
    hookTimeout: 240_000,
  },
});
