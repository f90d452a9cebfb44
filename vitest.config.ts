import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // electron-store imports electron: inline it so vi.mock('electron') reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
