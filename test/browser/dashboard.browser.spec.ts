import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from '../support/applicant.js';
import { privateDatabase, type PrivateDatabase } from '../support/private-database.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { launchBrowser, screenshot, signIn, visitor, type Visitor } from './browser.js';

let system: TestSystem;
let browser: Browser;

// A database of its own: other files' cases, items and policies (admin pages edit the seeded ones) must not
// change what this file's pages show.
let database: PrivateDatabase | undefined;

beforeAll(async () => {
  database = await privateDatabase('dashboard');
  system = await startTestSystem('single-server', { DATABASE_URL: database.url });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stopAll();
  await database?.drop();
});

/** A moment typed into the date picker (it also reads ISO text), in China time (the browser's zone in these tests). */
function chinaLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

describe('the supervisor dashboard', () => {
  let supervisor: Visitor;

  afterAll(async () => {
    await supervisor?.context.close();
  });

  it('forecasts the task that will be late, in words as well as colour, next to the turnaround and ratings charts', async () => {
    const citizen = await system.login('citizen1');
    const clerk = await system.login('clerk.market-regulation');
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const item = await serviceItem(system, '2201-SC-0001');
    const apply = async (form: Record<string, unknown>) => {
      const materials = await requiredMaterials(system, citizen, item, ['foodSafetySystem']);
      return (await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item, form), materials }).expect(201)).body as { id: string; caseNo: string };
    };
    const acceptTask = async (caseId: string) => {
      let id: string | undefined;
      await expect.poll(async () => (id = (await system.http().get(`/api/tasks?caseId=${caseId}`).set(auth(clerk)).expect(200)).body.items[0]?.id), { timeout: 15_000 }).toBeDefined();
      return id!;
    };

    // A small drinks shop goes through 秒批 to a decision, and is rated: the charts have something to show.
    const quick = await apply({ floorArea: 80.0, businessScope: '自制饮品制售' });
    await system.http().post(`/api/tasks/${encodeURIComponent(await acceptTask(quick.id))}/decision`).set(auth(clerk)).send({ action: 'accept' }).expect(200);
    await expect.poll(async () => (await system.http().get(`/api/cases/${quick.id}`).set(auth(citizen))).body.status, { timeout: 15_000 }).toBe('approved');
    await system.http().post(`/api/cases/${quick.id}/rating`).set(auth(citizen)).send({ score: 4 }).expect(201);

    // An application nobody has accepted: its 受理 task is due in a working day.
    const { caseNo } = await apply({ floorArea: 350.0 });
    await acceptTask((await system.http().get('/api/cases').set(auth(citizen))).body.items.find((c: { caseNo: string }) => c.caseNo === caseNo).id);

    supervisor = await visitor(browser, system.url!);
    const page = supervisor.page;
    onTestFailed(() => screenshot(page, 'failed-dashboard'));
    await signIn(page, 'supervisor');
    await page.getByRole('heading', { name: '电子监察', level: 1 }).waitFor();

    // "What will be late by then?" — a month ahead, the task is overdue.
    const forecast = page.getByTestId('forecast');
    await forecast.getByText(/届时将有 \d+ 项被标记/).waitFor();
    await forecast.getByLabel('预测到').fill(chinaLocal(new Date(Date.now() + 30 * 24 * 3_600_000)));
    await forecast.getByLabel('预测到').press('Enter');
    await forecast.getByRole('button', { name: /预\s*测/ }).click();
    const row = forecast.getByRole('row').filter({ hasText: caseNo }).filter({ hasText: '环节超期' });
    await row.waitFor();
    await expect.poll(() => row.locator('[data-severity]').textContent()).toContain('红牌');
    await page.getByRole('img', { name: '办理用时：按事项' }).locator('svg').waitFor();
    await page.getByRole('img', { name: '好差评' }).locator('svg').waitFor();
    await screenshot(page, 'supervisor-dashboard');

    expect(supervisor.errors).toEqual([]);
  }, 60_000);
});
