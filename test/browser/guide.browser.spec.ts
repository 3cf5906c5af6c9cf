import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { auth } from '../support/drive.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { field, launchBrowser, screenshot, signIn, visitor, type Visitor } from './browser.js';

/** The public service guide (办事指南), one form per bundle, and the admin pages that keep the catalogue, accounts and registry. */
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

describe('the public service guide', () => {
  let anonymous: Visitor;
  afterAll(async () => {
    await anonymous?.context.close();
  });

  it('shows an item’s 实施清单 and its published process as a diagram, to anyone', async () => {
    anonymous = await visitor(browser, system.url!);
    const page = anonymous.page;
    onTestFailed(() => screenshot(page, 'failed-guide'));
    await page.goto('/portal');
    await page.getByRole('link', { name: '查看办事指南 食品经营许可证核发' }).click();
    await page.getByRole('heading', { name: '办事指南：食品经营许可证核发', level: 1 }).waitFor();
    const main = page.locator('main');
    for (const text of ['承诺件', '《中华人民共和国食品安全法》第三十五条', '不收费', '监督投诉电话', '12315', '三级（网上受理，最多跑一次）', '法人及其他组织']) {
      await main.getByText(text, { exact: false }).first().waitFor();
    }
    // The process: Chinese step names, the departments that handle them, their time limits.
    const diagram = page.getByRole('list', { name: '食品经营许可证核发的办理流程图' });
    await diagram.waitFor();
    const steps = diagram.locator('.process-step');
    expect(await steps.count()).toBeGreaterThanOrEqual(4);
    const first = steps.first();
    expect(await first.locator('h3').textContent()).toMatch(/[\u4e00-\u9fa5]/);
    await first.getByText('南关区市场监督管理局').waitFor();
    await first.getByText(/\d+ 个工作日/).first().waitFor();
    await diagram.getByText(/→ 办结（准予）/).first().waitFor();
    await diagram.getByText(/联合审查|人工审查/).first().waitFor();
    await screenshot(page, 'service-guide');
    expect(anonymous.errors).toEqual([]);
  }, 60_000);
});

describe('one form per bundle', () => {
  it('asks 我要开餐馆’s shared fields once', async () => {
    const citizen = await visitor(browser, system.url!);
    const page = citizen.page;
    onTestFailed(() => screenshot(page, 'failed-bundle-form'));
    try {
      await signIn(page, 'enterprise1');
      await page.goto('/portal/apply/bundle/open-restaurant');
      await page.getByRole('heading', { name: '填写申请表（一表申请）' }).waitFor();
      await page.getByText(/各事项共需填写 47 项，合并为一张表后只需填写 \d+ 项/).waitFor();
      // 联系电话 is asked by all five items, once here.
      expect(await page.locator('main').getByLabel(/^(\* )?联系电话$/).count()).toBe(1);
      expect(await page.locator('main').getByLabel(/^(\* )?经营项目$/).count()).toBe(1);
      expect(await page.locator('main').getByLabel(/^(\* )?经营范围$/).count()).toBe(1);
      expect(citizen.errors).toEqual([]);
    } finally {
      await citizen.context.close();
    }
  }, 60_000);
});

describe('the admin pages', () => {
  let admin: Visitor;
  beforeAll(async () => {
    admin = await visitor(browser, system.url!);
    await signIn(admin.page, 'admin');
  });
  afterAll(async () => {
    await admin?.context.close();
  });

  it('edits an item’s 实施清单 with the problems shown at their fields, and previews the form as it is typed', async () => {
    const page = admin.page;
    onTestFailed(() => screenshot(page, 'failed-admin-items'));
    await page.getByRole('link', { name: '事项管理' }).click();
    await page.getByRole('heading', { name: '事项管理', level: 1 }).waitFor();
    await page.getByRole('button', { name: '编辑 就业创业证申领' }).click();
    const editor = page.getByTestId('item-editor');
    await editor.waitFor();
    expect(await field(page, '设定依据').inputValue()).toContain('《就业服务与就业管理规定》第六十一条');

    // The preview follows the schema as it is edited.
    const preview = page.getByTestId('schema-preview');
    await preview.getByLabel(/^(\* )?文化程度$/).first().waitFor();
    const schema = field(page, '申请表结构（JSON Schema）');
    const text = await schema.inputValue();
    await schema.fill(text.replace('"title": "文化程度"', '"title": "最高学历"'));
    await preview.getByText('最高学历').first().waitFor();
    await schema.fill('{ not json');
    await preview.getByText(/JSON 格式错误/).waitFor();
    await schema.fill(text);

    // A citation without its article and a made-up phone number: refused, each at its field.
    await field(page, '设定依据').fill('就业促进法');
    await field(page, '咨询电话').fill('请拨打人社热线');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await editor.getByText(/legalBasis\[0\]: must cite a document/).waitFor();
    await editor.getByText(/consultPhone|must be a phone number/).first().waitFor();
    expect((await system.http().get('/api/service-items/2201-RS-0001').expect(200)).body.consultPhone).toBe('12333');

    await field(page, '设定依据').fill('《就业服务与就业管理规定》第六十一条\n《中华人民共和国就业促进法》第十五条');
    await field(page, '咨询电话').fill('0431-88776655');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    const saved = (await system.http().get('/api/service-items/2201-RS-0001').expect(200)).body;
    expect(saved.consultPhone).toBe('0431-88776655');
    expect(saved.legalBasis).toEqual(['《就业服务与就业管理规定》第六十一条', '《中华人民共和国就业促进法》第十五条']);
    await screenshot(page, 'admin-items');
    expect(admin.errors).toEqual([]);
  }, 90_000);

  it('refuses a bundle whose items mean two things by one field, naming both, and saves it once mapped', async () => {
    const page = admin.page;
    onTestFailed(() => screenshot(page, 'failed-admin-bundles'));
    await page.goto('/admin/bundles');
    await page.getByRole('heading', { name: '一件事管理', level: 1 }).waitFor();
    await page.getByRole('button', { name: '新建一件事' }).click();
    const editor = page.getByTestId('bundle-editor');
    const code = `shop-${randomUUID().slice(0, 8)}`;
    await field(page, '一件事编码').fill(code);
    await field(page, '名称').fill('我要开小吃店');
    for (const name of ['个体工商户设立登记', '食品经营许可证核发']) {
      await field(page, '包含事项').click();
      await field(page, '包含事项').fill(name);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
    }
    await page.keyboard.press('Escape');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await editor.locator('li').filter({ hasText: /businessScope.*个体工商户设立登记.*2201-SC-0002.*食品经营许可证核发.*2201-SC-0001/ }).waitFor();
    await system.http().get(`/api/bundles/${code}`).expect(404);

    // Map 食品经营许可's 经营项目 to a field of its own.
    await editor.getByRole('button', { name: '添加映射' }).click();
    const row = editor.getByTestId('mapping-row').first();
    await row.getByLabel('事项', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '食品经营许可证核发' }).first().click();
    await row.getByLabel('事项栏目').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^businessScope$/ }).first().click();
    await row.getByLabel('合并后栏目').fill('foodBusinessScope');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    const merged = page.getByTestId('merged-form');
    await merged.getByText(/合并后 \d+ 项（各事项合计 20 项）/).waitFor();
    await merged.getByText('foodBusinessScope').waitFor();
    const bundle = (await system.http().get(`/api/bundles/${code}`).expect(200)).body;
    expect(bundle.fieldMapping).toEqual({ '2201-SC-0001': { businessScope: 'foodBusinessScope' } });
    expect(bundle.fieldOwners.phone).toEqual(['2201-SC-0002', '2201-SC-0001']);
    await screenshot(page, 'admin-bundles');
    expect(admin.errors).toEqual([]);
  }, 90_000);

  it('creates a staff account, changes its department, resets its password and disables it', async () => {
    const page = admin.page;
    onTestFailed(() => screenshot(page, 'failed-admin-users'));
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: '工作人员账号', level: 1 }).waitFor();
    const username = `clerk.ui.${randomUUID().slice(0, 6)}`;
    await field(page, '用户名').fill(username);
    await field(page, '姓名').fill('赵敏');
    await field(page, '初始密码').fill('A-long-initial-pass-1');
    await field(page, '承办部门').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '南关区卫生健康局' }).first().click();
    await page.getByRole('button', { name: '新建账号' }).last().click();
    const row = page.getByRole('row').filter({ hasText: username });
    await row.waitFor();
    await row.getByText('南关区卫生健康局').waitFor();
    await system.login(username, 'A-long-initial-pass-1');

    await row.getByRole('button', { name: `编辑 ${username}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/承办部门/).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '南关区民政局' }).first().click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('南关区民政局').waitFor();

    await row.getByRole('button', { name: `重置密码 ${username}` }).click();
    await page.getByRole('dialog').getByLabel(/新密码/).fill('A-brand-new-pass-2');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await system.login(username, 'A-brand-new-pass-2');

    await row.getByRole('button', { name: `停用 ${username}` }).click();
    await row.getByText('已停用').waitFor();
    await system.http().post('/api/auth/login').send({ username, password: 'A-brand-new-pass-2' }).expect(401);
    await screenshot(page, 'admin-users');
    expect(admin.errors).toEqual([]);
  }, 90_000);

  it('imports a registry file with progress and lists the rejected lines', async () => {
    const page = admin.page;
    onTestFailed(() => screenshot(page, 'failed-admin-registry'));
    await page.goto('/admin/registry');
    await page.getByRole('heading', { name: '人口法人库导入', level: 1 }).waitFor();
    const good = { idNumber: '220102195001010019', name: '周强', gender: 'M', birthDate: '1950-01-01', hukouDistrict: '南关区', disabilityLevel: 0, monthlyIncome: 3200, householdSize: 2 };
    const lines = [JSON.stringify(good), JSON.stringify({ ...good, idNumber: '220102195001010011' }), '{ broken'].join('\n');
    await page.getByLabel('选择文件并导入').setInputFiles({ name: 'persons.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines}\n`) });
    await page.getByText(/导入完成：新增 \d+ 条，更新 \d+ 条，退回 2 条/).waitFor();
    const rejected = page.getByRole('table').last();
    await rejected.getByRole('cell', { name: '2', exact: true }).waitFor();
    await rejected.getByRole('cell', { name: '3', exact: true }).waitFor();
    await screenshot(page, 'admin-registry');
    expect(admin.errors).toEqual([]);
    const token = await system.login('admin');
    const { body } = await system.http().get('/api/registry/changes').query({ idNumber: good.idNumber }).set(auth(token)).expect(200);
    expect(body.items.length).toBeGreaterThan(0);
  }, 90_000);
});
