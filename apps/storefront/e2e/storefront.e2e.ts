import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, desktop, launchChromium, type LaunchedBrowser } from './browser.js';
import { startShop, type RunningShop } from './local-shop.js';

/**
 * The storefront in headless Chromium against `npm start`, found by role and label the
 * way a screen reader finds things: a missing label or name fails the journey.
 */
let shop: RunningShop;
let chromium: LaunchedBrowser;
const run = Date.now().toString(36);
const customer = { name: 'Ada Browser', email: `ada-${run}@example.com`, password: 'correct horse battery' };
const settleMs = 45_000;

beforeAll(async () => {
  [shop, chromium] = await Promise.all([startShop(), launchChromium()]);
});
afterAll(async () => {
  await chromium?.close();
  await shop?.stop();
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: desktop });
  const page = await context.newPage();
  await page.goto(`${shop.url}/`);
  return page;
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: /^Log out/ }).waitFor();
}

async function addToCart(page: Page, productName: string, quantity: number): Promise<void> {
  await page.goto(`${shop.url}/#/`);
  await page.getByRole('link', { name: productName }).click();
  await page.getByRole('heading', { level: 1, name: productName }).waitFor();
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: `Added ${quantity} × ${productName}` }).waitFor();
}

/** Checks the cart out with a sandbox test card (by its label) or, as `{ upi }`, a UPI id. */
async function checkOut(page: Page, payment: string | { upi: string }): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cart' }).click();
  await page.getByRole('link', { name: 'Check out' }).click();
  if (typeof payment === 'string') {
    await page.getByLabel('Test card').selectOption({ label: payment });
  } else {
    await page.getByRole('radio', { name: 'UPI' }).check();
    await page.getByLabel('UPI id').fill(payment.upi);
  }
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByRole('heading', { level: 1, name: /^Order ord_/ }).waitFor();
}

describe('the storefront in a browser', () => {
  it('serves the storefront from npm start, built when it was missing or stale', () => {
    expect(shop.output()).toMatch(/Store {6}http:\/\/localhost:\d+\/ {2}\(the storefront, (up to date|built now in [\d.]+ s)\)/);
  });

  it('registers, browses with filters, adds two products and checks out to CONFIRMED', async () => {
    const page = await newPage(chromium.browser);
    await page.getByRole('heading', { name: 'Catalogue' }).waitFor();
    await page.getByRole('list', { name: 'Products' }).waitFor();
    await capture(page, 'catalogue');

    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByLabel('Name').fill(customer.name);
    await page.getByLabel('E-mail').fill(customer.email);
    // The API refuses a short password (422): its message sits next to the field, tied to it for screen readers.
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.field-error').waitFor();
    const password = page.getByLabel('Password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const described = (await password.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error')) ?? 'none';
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/\S/);
    await capture(page, 'register-field-error');

    await page.getByLabel('Password').fill(customer.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: `Log out ${customer.name}` }).waitFor();

    await page.getByLabel('Category').fill('kitchen');
    await page.getByLabel('Highest price ($)').fill('50');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await catalogueShowing(page, ['Cast Iron Skillet', 'Enamel Kettle']);
    const filtered = await page.getByRole('list', { name: 'Products' }).getByRole('heading').allTextContents();
    expect(filtered.sort()).toEqual(['Cast Iron Skillet', 'Enamel Kettle']);

    await addToCart(page, 'Enamel Kettle', 2);
    await capture(page, 'product');
    await addToCart(page, 'Portable Speaker', 1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cart' }).click();
    await page.getByRole('list', { name: 'Cart items' }).waitFor();
    await page.getByLabel('Quantity of Portable Speaker').fill('2');
    await page.getByLabel('Quantity of Portable Speaker').press('Enter');
    await page.getByText('4 items · Subtotal').waitFor();
    expect(await page.getByText(/Subtotal/).textContent()).toContain('$189.96');
    await capture(page, 'cart');

    await checkOut(page, 'Visa test card (approved)');
    await page.getByRole('status').filter({ hasText: 'Status: Confirmed' }).waitFor({ timeout: settleMs });
    await capture(page, 'order-confirmed');

    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('cell', { name: 'Confirmed' }).waitFor();
    await capture(page, 'orders');
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByRole('list', { name: 'Notifications' }).or(page.getByText('No notifications yet.')).waitFor();
    await capture(page, 'notifications');
    await page.context().close();
  });

  it('shows a declined card as a FAILED order with a clear message, keeps the cart, and then pays it by UPI', async () => {
    const page = await newPage(chromium.browser);
    await logIn(page, customer.email, customer.password);
    await addToCart(page, 'Insulated Bottle', 1);
    await addToCart(page, 'Desk Lamp', 1);

    await checkOut(page, 'Declined test card');
    await page.getByRole('status').filter({ hasText: 'Status: Failed' }).waitFor({ timeout: settleMs });
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('Your payment was declined. Nothing was charged, and your cart still holds your items');
    await capture(page, 'order-declined');

    await page.getByRole('link', { name: 'Back to your cart' }).click();
    await page.getByRole('list', { name: 'Cart items' }).waitFor();
    const lines = await page.getByRole('list', { name: 'Cart items' }).getByRole('link').allTextContents();
    expect(lines.sort()).toEqual(['Desk Lamp', 'Insulated Bottle']);

    // The same cart, paid by UPI this time: the sandbox approves it by its signed webhook a moment later.
    await checkOut(page, { upi: 'success@razorpay' });
    await page.getByRole('status').filter({ hasText: 'Status: Confirmed' }).waitFor({ timeout: settleMs });
    await page.context().close();
  });

  it('works from the keyboard, with the focus always visible', async () => {
    const page = await newPage(chromium.browser);
    await page.getByRole('list', { name: 'Products' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return { text: element?.textContent?.trim(), outline: element ? getComputedStyle(element).outlineStyle : 'none' };
      });

    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Skip to content', outline: 'solid' });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Shoplane', outline: 'solid' });
    await page.getByLabel('Category').focus();
    await page.keyboard.type('audio');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Turntable' }).waitFor();
    await page.getByRole('link', { name: 'Turntable' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Turntable' }).waitFor();
    await page.context().close();
  });

  it('keeps a customer out of the admin area', async () => {
    const page = await newPage(chromium.browser);
    await logIn(page, customer.email, customer.password);

    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(`${shop.url}/#/admin`);
    const refusal = await page.getByRole('alert').textContent();

    expect(refusal).toBe('The admin area is for administrators. You are logged in as a customer.');
    expect(await page.getByRole('button', { name: 'New product' }).count()).toBe(0);
    await page.context().close();
  });

  it('lets an admin create a product that then appears in the catalogue, and draws the analytics', async () => {
    const page = await newPage(chromium.browser);
    await logIn(page, 'admin@shoplane.local', 'shoplane-admin');
    const product = { name: `Browser Mug ${run}`, category: `e2e-${run}` };

    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'New product' }).click();
    const form = page.getByRole('form', { name: 'New product' });
    await form.getByLabel('Name').fill(product.name);
    await form.getByLabel('Description').fill('Made in a browser test.');
    await form.getByLabel('Category').fill(product.category);
    await form.getByLabel('Price (USD)').fill('12.5');
    await form.getByLabel('Initial stock').fill('-1');
    await form.getByRole('button', { name: 'Create product' }).click();
    expect(await form.getByText('Enter a whole number of units.').count()).toBe(1);
    await form.getByLabel('Initial stock').fill('8');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('status').filter({ hasText: `${product.name} created.` }).waitFor();
    await capture(page, 'admin-products');

    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('img', { name: /^Orders per day\./ }).waitFor({ timeout: settleMs });
    await page.getByRole('img', { name: /^Revenue per day/ }).waitFor();
    await capture(page, 'admin-analytics');

    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.getByLabel('Category').fill(product.category);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await catalogueShowing(page, [product.name]);
    const products = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
    expect(await products.filter({ hasText: product.name }).filter({ hasText: '$12.50' }).count()).toBe(1);
    await page.context().close();
  });
});

/**
 * Waits until the catalogue lists exactly these products. Applying a filter first shows the
 * list it replaces (which may hold them too), then a loading state: reading it at once races.
 */
async function catalogueShowing(page: Page, names: string[]): Promise<void> {
  await page.waitForFunction((expected) => {
    const shown = [...document.querySelectorAll('ul[aria-label="Products"] > li h2')].map((heading) => heading.textContent?.trim() ?? '');
    return JSON.stringify(shown.sort()) === JSON.stringify(expected);
  }, [...names].sort());
}
