import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { field, launchBrowser, screenshot, selectedText, signIn, visitor, type Visitor } from './browser.js';

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

describe('the admin console', () => {
  let admin: Visitor;

  afterAll(async () => {
    await admin?.context.close();
  });

  it('shows an inline validation error at the broken path of a definition while it is edited', async () => {
    admin = await visitor(browser, system.url!);
    const page = admin.page;
    onTestFailed(() => screenshot(page, 'failed-admin'));
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: '流程定义', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'food-business-license 第 1 版 已发布' }).click();
    const editor = page.getByLabel('定义文档');
    await expect.poll(() => editor.inputValue()).toContain('"key": "food-business-license"');
    await page.getByText('校验通过').waitFor();
    await page.getByRole('img', { name: 'food-business-license 第 1 版的流程图' }).locator('svg').waitFor();

    // Point 受理's "accept" outcome at a step that does not exist.
    const text = await editor.inputValue();
    expect(text).toContain('"accept": "instant-check"');
    await editor.fill(text.replace('"accept": "instant-check"', '"accept": "nowhere"'));
    const problem = page.locator('[data-path="$.steps[0].outcomes.accept"]');
    await problem.waitFor();
    await page.getByText(/发现 \d+ 个问题/).waitFor();

    // Clicking the problem selects the offending text in the editor.
    await problem.click();
    const selected = await selectedText(editor);
    expect(selected).toBe('"nowhere"');
    await screenshot(page, 'admin-console');

    // English is one click away, antd's own texts included.
    await page.getByRole('button', { name: '切换为英文界面' }).click();
    await page.getByRole('heading', { name: 'Workflow definitions', level: 1 }).waitFor();
    await page.getByText(/1 problem \(click to locate\)/).waitFor();
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();

    expect(admin.errors).toEqual([]);
  }, 60_000);

  it('writes a benefit policy with its type errors shown in the rule, counts it dry, then grants it; the citizen declines', async () => {
    // 李娜 (citizen2) as the population registry knows her.
    const token = await system.login('admin');
    await system
      .http()
      .post('/api/registry/persons/import')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(`${JSON.stringify({ idNumber: '220102194209081022', name: '李娜', gender: 'F', birthDate: '1942-09-08', hukouDistrict: '南关区', disabilityLevel: 2, monthlyIncome: 2350, householdSize: 2, phone: '13756093318' })}\n`)
      .expect(200);

    const page = admin.page;
    onTestFailed(() => screenshot(page, 'failed-policies'));
    await page.goto('/admin/policies');
    await page.getByRole('heading', { name: '免申即享政策', level: 1 }).waitFor();
    await page.getByRole('button', { name: /新建政策/ }).click();
    const code = `browser-${randomUUID().slice(0, 8)}`;
    await field(page, '政策编码').fill(code);
    await field(page, '政策名称').fill(`敬老慰问金 ${code}`);
    const rule = field(page, '资格规则（CEL 表达式）');
    await rule.fill("person.age >= '80' && person.name == '李娜'");
    await field(page, '金额（元）').fill('50');
    await page.getByRole('button', { name: '创建政策' }).click();

    // The type error is shown at its place in the rule, and clicking it selects the text at fault.
    const errors = page.getByTestId('rule-errors');
    await errors.getByText('第 1 行第 1 列').waitFor();
    await errors.getByRole('button', { name: '第 1 行第 1 列' }).click();
    expect(await selectedText(rule)).toBe("person.age >= '80'");

    await rule.fill("person.age >= 80 && person.name == '李娜'");
    await page.getByRole('button', { name: '创建政策' }).click();
    await page.getByRole('heading', { name: `${code} · v1` }).waitFor();

    // A dry run first; the real run only after it, with the count in the question.
    await expect.poll(() => page.getByRole('button', { name: '正式发放' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /试\s*算/ }).click();
    await page.getByText(/试算结果：评估 \d+ 个对象，符合条件 [1-9]\d* 个/).waitFor();
    await page.getByRole('button', { name: '正式发放' }).click();
    await page.getByText(/将向 [1-9]\d* 个对象发放/).waitFor();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText(/发放完成：新发放 [1-9]\d* 个/).waitFor();
    await screenshot(page, 'admin-policies');

    const citizen = await visitor(browser, system.url!);
    try {
      const c = citizen.page;
      await signIn(c, 'citizen2');
      await c.goto('/portal/benefits');
      const row = c.getByRole('row').filter({ hasText: code });
      await row.getByText('已发放').waitFor();
      await row.getByRole('button', { name: /放\s*弃/ }).click();
      await c.getByRole('button', { name: /确\s*定/ }).click();
      await row.getByText('已放弃').waitFor();
      await screenshot(c, 'citizen-benefits');
      expect(citizen.errors).toEqual([]);
    } finally {
      await citizen.context.close();
    }
    expect(admin.errors).toEqual([]);
  }, 60_000);
});
