import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { isolatedContext, launchBrowser, loginThroughUi } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export interface FaceOptions {
  /** Open through another port (a proxy in front of the server). */
  port?: number;
  viewport?: { width: number; height: number };
  geolocation?: { latitude: number; longitude: number };
  /** Install playwright's clock before the page loads, so the test can move the browser's time. */
  fakeClock?: boolean;
}

/**
 * A browser test file's fixture: one built server in demo mode and one Chromium for the file,
 * faces opened in their own isolated contexts and logged in through their own login forms.
 * `offMachine` collects every request any page made off this machine: tests assert it is empty.
 */
export function browserSuite() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const offMachine: string[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  return {
    get server(): RunningServer {
      if (!server) throw new Error('the suite has not started');
      return server;
    },
    offMachine,
    async openFace(path: string, username: string, options: FaceOptions = {}): Promise<Page> {
      if (!browser || !server) throw new Error('the suite has not started');
      const { context } = await isolatedContext(browser, options.viewport, offMachine);
      if (options.geolocation) {
        await context.grantPermissions(['geolocation']);
        await context.setGeolocation(options.geolocation);
      }
      const page = await context.newPage();
      if (options.fakeClock) await page.clock.install({ time: new Date() });
      await page.goto(`http://127.0.0.1:${options.port ?? server.port}${path}`);
      await loginThroughUi(page, username);
      return page;
    },
  };
}
