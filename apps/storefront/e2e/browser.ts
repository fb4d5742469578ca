import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@shoplane/manifest';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, launched with the flags TOOLCHAIN.md verified on this machine kind. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };
export const screenshotFolder = join(workspaceRoot(), 'apps', 'storefront', 'screenshots');

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Playwright's launch() starts Chromium on a fresh temporary profile of its own (it refuses a
 * `--user-data-dir` argument), and each journey gets its own context: no state leaks between them.
 */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: flags });
  mkdirSync(screenshotFolder, { recursive: true });
  return { browser, close: () => browser.close() };
}

/** A screenshot of the page as it is, at desktop and at phone width (`<name>-desktop.png`, `<name>-phone.png`). */
export async function capture(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotFolder, `${name}-desktop.png`) });
  await page.setViewportSize(phone);
  await page.screenshot({ path: join(screenshotFolder, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(desktop);
}
