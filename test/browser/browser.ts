import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { privateDatabase, type PrivateDatabase } from '../support/private-database.js';
import { SEED_PASSWORD, startTestSystem, type TestSystem } from '../support/system.js';

/** Debian's Chromium (installed by .ci/run); a downloaded browser is never used. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');

/** The pages are served from web/dist: CI builds them (npm run build) before the tests, so a missing build is a failure. */
export function requireBuiltPages(): void {
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist/index.html is missing: build the pages first (npm run build, or npx vite build --config web/vite.config.ts)');
  }
}

export async function launchBrowser(): Promise<Browser> {
  requireBuiltPages();
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A person at a browser: their own context (own sessionStorage), Chinese, in China time. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: a test ends by expecting none. */
  errors: string[];
}

export async function visitor(browser: Browser, baseURL: string): Promise<Visitor> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password = SEED_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('main').getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A form field by its label (antd puts its required mark, "*", in front of the name). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^(\\* )?${label.replace(/[()（）.*+?[\]]/g, '\\$&')}$`));
}

/** antd's button-style radios hide the input under their label: choose as a person does, on the label. */
export async function choose(page: Page, option: string): Promise<void> {
  await page.locator('label', { has: page.getByRole('radio', { name: option, exact: true }) }).click();
}

/** An option of an antd Select, typed into its search and picked from the list. */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  await field(page, label).click();
  await field(page, label).fill(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** The text selected in a text box (the tests compile without DOM types, so its shape is spelled out). */
export function selectedText(box: Locator): Promise<string> {
  return box.evaluate((element) => {
    const { value, selectionStart, selectionEnd } = element as unknown as { value: string; selectionStart: number; selectionEnd: number };
    return value.slice(selectionStart, selectionEnd);
  });
}

/** Polls a check that reloads or clicks until it passes: the workers advance cases asynchronously. */
export async function eventually(check: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  await expect.poll(check, { timeout, interval: 500 }).toBe(true);
}

/** A file's pages under test: its system and browser, and the people it sends to them. */
export interface PagesUnderTest {
  readonly system: TestSystem;
  readonly browser: Browser;
  /** A person in a browser context of their own at the system's address, signed in unless `username` is null. */
  person(username: string | null, password?: string): Promise<Visitor>;
}

/**
 * Starts a single-server system and a browser before the file's tests and stops both after them, closing every
 * person's context. `database` names a database of the file's own, for files whose pages show what they
 * change of the seeded data (the shared one holds the other files' cases too).
 */
export function pagesUnderTest(options: { database?: string } = {}): PagesUnderTest {
  const started: { system?: TestSystem; browser?: Browser; database?: PrivateDatabase } = {};
  const people: Visitor[] = [];
  beforeAll(async () => {
    if (options.database) started.database = await privateDatabase(options.database);
    started.system = await startTestSystem('single-server', started.database ? { DATABASE_URL: started.database.url } : {});
    started.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const person of people) await person.context.close();
    await started.browser?.close();
    await started.system?.stopAll();
    await started.database?.drop();
  });
  const running = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} starts in beforeAll`);
    return value;
  };
  return {
    get system() {
      return running(started.system, 'system');
    },
    get browser() {
      return running(started.browser, 'browser');
    },
    async person(username, password) {
      const person = await visitor(this.browser, this.system.url!);
      people.push(person);
      if (username) await signIn(person.page, username, password);
      return person;
    },
  };
}
