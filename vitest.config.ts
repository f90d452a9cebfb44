import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // CI prints a plain "N passed, N failed" line from this report (see .ci/run).
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'out/test-results/unit.json' }]] : ['default'],
    // electron-store imports electron: inline it so vi.mock('electron') reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
