import { defineConfig } from 'vitest/config';

// Browser tests drive the BUILT app (pnpm build) in Debian's Chromium against a real server.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
