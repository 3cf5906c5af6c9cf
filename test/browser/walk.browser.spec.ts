import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from '../support/applicant.js';
import { auth, waitForTask } from '../support/drive.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { privateDatabase } from '../support/private-database.js';
import { launchBrowser, screenshot, signIn, visitor, type Visitor } from './browser.js';

/**
 * English cannot come back unnoticed (issue 20): every page of each role, in the Chinese locale, is read
 * for visible runs of Latin words. Allowed: the names of formats and products people know by those letters,
 * and codes (a run touching digits or code punctuation, like NG2026-SC0001-000001 or $.steps[0], or set in
 * a <code> element).
 */
const ALLOWED = new Set(['json', 'yaml', 'cel', 'pdf', 'ofd', 'png', 'jpeg', 'jpg', 'tiff', 'csv', 'sms', 'webhook', 'english', 'id', 'api', 'url', 'http', 'https', 'utf', 'x-ywtb-signature', 'x-ywtb-delivery']);

/** Visible text runs of Latin letters that are neither allowed nor codes, with a little context. */
export function latinRuns(page: Page): Promise<string[]> {
  return page.evaluate((allowed) => {
    const found: string[] = [];
    // The tests compile without DOM types: the little of the DOM this reads, spelled out.
    interface Element {
      closest(selector: string): unknown;
      checkVisibility?(options: object): boolean;
    }
    interface TextNode {
      textContent: string | null;
      parentElement: Element | null;
    }
    const doc = (globalThis as unknown as { document: { body: unknown; createTreeWalker(root: unknown, show: number): { nextNode(): TextNode | null } } }).document;
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('code, script, style, textarea, noscript, [aria-hidden="true"], .ant-select-dropdown-hidden')) continue;
      if (typeof parent.checkVisibility === 'function' && !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const text: string = node.textContent ?? '';
      for (const match of text.matchAll(/[A-Za-z]+(?:[-' ][A-Za-z]+)*/g)) {
        const run = match[0];
        const before = text[(match.index ?? 0) - 1] ?? '';
        const after = text[(match.index ?? 0) + run.length] ?? '';
        if (/[0-9_.$/@:\-[\]#=]/.test(before) || /[0-9_.$/@\-[\]#=]/.test(after)) continue;
        const words = run.toLowerCase().split(/[ ']+/).filter((w) => w.length > 1);
        if (words.length === 0 || words.every((w) => allowed.includes(w))) continue;
        if (run.length < 2) continue;
        found.push(`${run}  «${text.trim().slice(0, 80)}»`);
      }
    }
    return found;
  }, [...ALLOWED]);
}

let database: { url: string; drop(): Promise<void> };
let system: TestSystem;
let browser: Browser;
const visitors: Visitor[] = [];

// A database of its own, as a district starts with it (the seed): what other test files leave behind
// (definitions whose steps have only ids, English test data) is not what a district shows its people.
beforeAll(async () => {
  database = await privateDatabase('walk');
  system = await startTestSystem('single-server', { DATABASE_URL: database.url });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const v of visitors) await v.context.close();
  await browser?.close();
  await system?.stopAll();
  await database?.drop();
});

/** Opens each path, lets it settle, and collects what it shows in Latin letters. */
async function walk(v: Visitor, paths: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await v.page.goto(path);
    await v.page.locator('main').first().waitFor();
    await v.page.waitForLoadState('networkidle').catch(() => undefined);
    await v.page.waitForTimeout(600);
    const runs = await latinRuns(v.page);
    if (runs.length > 0) found[path] = runs;
  }
  return found;
}

describe('every page in Chinese', () => {
  it('shows no English to anyone, citizen, clerk, supervisor or admin', async () => {
    const citizen = await system.login('citizen1');
    const item = await serviceItem(system, '2201-SC-0001');
    const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials: await requiredMaterials(system, citizen, item) }).expect(201);
    const task = await waitForTask(system, 'market-regulation', body.id, 'accept');

    const found: Record<string, Record<string, string[]>> = {};
    const anyone = await visitor(browser, system.url!);
    visitors.push(anyone);
    found.anyone = await walk(anyone, ['/portal', '/verify', '/login', '/register']);

    const roles: [string, string[]][] = [
      ['citizen1', ['/portal', '/portal/cases', `/portal/cases/${body.id}`, '/portal/apply/item/2201-SC-0001', '/portal/apply/bundle/open-restaurant', '/portal/benefits', '/portal/agents', '/inbox', '/verify']],
      ['clerk.market-regulation', ['/workbench', `/workbench/tasks/${encodeURIComponent(task.id)}`, '/workbench/counter', '/workbench/substitute', '/inbox']],
      ['supervisor', ['/dashboard', '/workload', '/inbox']],
      ['admin', ['/admin/workflows', '/admin/policies', '/admin/calendar', '/admin/notifications', '/dashboard', '/inbox']],
    ];
    for (const [username, paths] of roles) {
      const v = await visitor(browser, system.url!);
      visitors.push(v);
      onTestFailed(() => screenshot(v.page, `failed-walk-${username}`));
      await signIn(v.page, username);
      found[username] = await walk(v, paths);
      expect(v.errors, username).toEqual([]);
    }
    // The admin's definition, opened: its problems and its graph.
    const admin = visitors.at(-1)!;
    await admin.page.goto('/admin/workflows');
    await admin.page.getByRole('button', { name: 'food-business-license 第 1 版 已发布' }).click();
    await admin.page.getByTestId('workflow-graph').locator('svg text').first().waitFor();
    const opened = await latinRuns(admin.page);
    if (opened.length > 0) found.admin!['/admin/workflows (a definition open)'] = opened;

    expect(Object.fromEntries(Object.entries(found).filter(([, pages]) => Object.keys(pages).length > 0))).toEqual({});
  }, 180_000);
});
