import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, WebGL2 through SwiftShader so MapLibre renders headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A context that records every request the page makes that leaves this machine, and blocks it.
 * The command centre runs on an isolated network: tests assert `offMachine` stays empty.
 */
export async function isolatedContext(
  browser: Browser,
  viewport = { width: 1920, height: 1080 },
  /** Where to record off-machine requests; a fresh list by default. */
  offMachine: string[] = [],
): Promise<{ context: BrowserContext; offMachine: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
    if (local) return route.continue();
    offMachine.push(url.href);
    return route.abort();
  });
  // Routes do not see WebSockets: check those as each page opens them.
  context.on('page', (page) => {
    page.on('websocket', (ws) => {
      const host = new URL(ws.url()).hostname;
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) offMachine.push(ws.url());
    });
  });
  return { context, offMachine };
}

/** Logs in through the face's own login form. */
export async function loginThroughUi(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
