import { defineConfig } from 'vitest/config';

// One `vitest run` runs every test: pure unit tests, database-backed tests (PGlite by default,
// PostgreSQL when TEST_DATABASE_URL is set) and the Chromium end-to-end journeys.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on a 2-core machine, one file at a time. Test files
    // spend much of their time loading modules and databases, so two at a time halve the unit+db wall time.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit+db',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/plain-messages.setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // After every unit+db file (a group of its own): a journey's server and browser never share the
          // machine with another test file.
          sequence: { groupOrder: 1 },
          globalSetup: ['test/global-setup.ts', 'e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
