import { defineConfig } from 'vitest/config';

// Browser tests: Node drives Debian's Chromium over the built renderer (npm run build first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One Chromium at a time on a 2-core machine.
    fileParallelism: false,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'out/test-results/e2e.json' }]] : ['default'],
  },
});
