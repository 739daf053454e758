import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSource = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));

// Unit and server tests. Browser tests live in e2e/ with their own config (they need a build).
export default defineConfig({
  resolve: { alias: { '@watchfloor/shared': sharedSource } },
  test: {
    projects: [
      { extends: true, test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'server', include: ['server/src/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 },
      },
      { extends: true, test: { name: 'client', include: ['client/src/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
