import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { pdfBytes } from '../support/applicant.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { choose, eventually, field, launchBrowser, pick, screenshot, signIn, visitor, type Visitor } from './browser.js';

let system: TestSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stopAll();
});

const pdf = (label: string) => ({ name: `${label}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(label) });

async function uploadMaterial(page: Page, key: string, scope = 'body'): Promise<void> {
  const row = page.locator(scope).locator(`[data-material="${key}"]`);
  await row.locator('input[type=file]').setInputFiles(pdf(key));
  await expect.poll(() => row.locator('[data-uploaded]').count()).toBe(1);
}

/** The clerk's queue, refreshed until the case has a task at the given step, which is then opened. */
async function openTask(clerk: Page, caseNo: string, step: string, screenshotAs?: string): Promise<void> {
  await clerk.goto('/workbench');
  const row = clerk.getByRole('row').filter({ hasText: caseNo }).filter({ hasText: step });
  await eventually(async () => {
    await clerk.getByRole('button', { name: /刷\s*新/ }).click();
    return (await row.count()) === 1;
  });
  if (screenshotAs) await screenshot(clerk, screenshotAs);
  await row.getByRole('link', { name: caseNo, exact: true }).click();
  await clerk.getByRole('heading', { name: `办理 ${caseNo}` }).waitFor();
}

async function decide(clerk: Page, action: string): Promise<void> {
  await choose(clerk, action);
  await clerk.getByRole('button', { name: '提交决定' }).click();
  await clerk.waitForURL('**/workbench');
}

describe('the citizen portal and the clerk workbench', () => {
  let citizen: Visitor;
  let clerk: Visitor;

  afterAll(async () => {
    await citizen?.context.close();
    await clerk?.context.close();
  });

  it('takes an application with an upload through a correction to a licence the citizen can see and verify', async () => {
    citizen = await visitor(browser, system.url!);
    clerk = await visitor(browser, system.url!);
    onTestFailed(async () => {
      await screenshot(citizen.page, 'failed-portal-citizen');
      await screenshot(clerk.page, 'failed-portal-clerk');
    });
    const c = citizen.page;

    await signIn(c, 'citizen1');
    await c.getByRole('heading', { name: '办事指南' }).waitFor();
    await c.getByText('食品经营许可证核发').first().waitFor();
    await screenshot(c, 'citizen-portal');

    // Apply: the form comes from the item's JSON Schema; large premises send it to people, not to 秒批.
    await c.getByRole('link', { name: '在线申请 食品经营许可证核发' }).click();
    await c.getByRole('heading', { name: '申请：食品经营许可证核发' }).waitFor();
    await field(c, '经营者名称').fill('长春市南关区福顺家常菜馆');
    await field(c, '法定代表人（负责人）').fill('张伟');
    await field(c, '经营场所').fill('长春市南关区东岭南街1369号');
    await c.getByRole('radio', { name: '餐饮服务经营者' }).check();
    await pick(c, '经营项目', '热食类食品制售');
    await field(c, '经营场所面积（平方米）').fill('350');
    await field(c, '食品安全管理员').fill('王丽');
    await field(c, '联系电话').fill('12345');
    for (const key of ['foodBusinessApplicationForm', 'legalRepresentativeId', 'premisesProof', 'facilityLayout']) await uploadMaterial(c, key);

    // The page checks the form as the API does, with the same words.
    await c.getByRole('button', { name: '提交申请' }).click();
    await c.getByText('格式不正确（例如：13904318826）').waitFor();
    await field(c, '联系电话').fill('13904318826');
    await c.getByRole('button', { name: '提交申请' }).click();
    await c.waitForURL(/\/portal\/cases\/[0-9a-f-]{36}$/);
    const heading = await c.getByRole('heading', { level: 1 }).textContent();
    const caseNo = /NG\d{4}-SC0001-\d{6}/.exec(heading ?? '')?.[0];
    expect(caseNo).toBeDefined();

    // The clerk asks for everything missing at once: a material and a form field.
    const k = clerk.page;
    await signIn(k, 'clerk.market-regulation');
    await openTask(k, caseNo!, '受理', 'clerk-workbench');
    await expect.poll(() => k.locator('[data-urgency]').first().textContent()).toMatch(/正常|临期|超期/);
    await choose(k, '要求补正');
    await pick(k, '补正事项 1', '经营场所使用证明');
    await k.locator('[data-missing-row="0"]').getByLabel('原因').fill('租赁合同已过期，请提供有效期内的合同');
    await k.getByRole('button', { name: /添加补正事项/ }).click();
    await pick(k, '补正事项 2', '联系电话');
    await k.locator('[data-missing-row="1"]').getByLabel('原因').fill('联系电话无法接通');
    await screenshot(k, 'clerk-task');
    await k.getByRole('button', { name: '提交决定' }).click();
    await k.waitForURL('**/workbench');

    // The citizen answers the whole notice in one go.
    await c.reload();
    const notice = c.getByTestId('correction');
    await notice.getByText('租赁合同已过期，请提供有效期内的合同').waitFor();
    await notice.getByText('联系电话无法接通').waitFor();
    await uploadMaterial(c, 'premisesProof', '[data-testid=correction]');
    await field(notice, '联系电话').fill('13804310001');
    await notice.getByRole('button', { name: '提交补正' }).click();
    await c.getByText('补正已提交，办理计时恢复').waitFor();

    // Accepted, reviewed, inspected: the licence is issued.
    await openTask(k, caseNo!, '受理');
    await decide(k, '受理');
    await openTask(k, caseNo!, '材料审查');
    await decide(k, '同意');
    await openTask(k, caseNo!, '现场核查');
    await decide(k, '同意');

    await eventually(async () => {
      await c.reload();
      await c.getByRole('heading', { name: new RegExp(caseNo!) }).waitFor();
      return (await c.getByTestId('certificates').count()) === 1;
    });
    const certificates = c.getByTestId('certificates');
    await certificates.getByText('食品经营许可证').waitFor();
    await expect.poll(() => c.locator('h1 [data-status]').getAttribute('data-status')).toBe('approved');
    await c.getByText('办理过程').waitFor();
    await screenshot(c, 'citizen-case');

    // 好差评 on the finished case.
    await c.getByTestId('rating').getByRole('radio').nth(3).click();
    await c.getByRole('button', { name: '提交评价' }).click();
    await c.getByText('您的评价：满意（4 分）').waitFor();

    await certificates.getByRole('link', { name: '核验' }).click();
    await c.getByText('证照真实有效').waitFor();
    await c.getByText('张*').waitFor();

    expect(citizen.errors).toEqual([]);
    expect(clerk.errors).toEqual([]);
  }, 150_000);
});
