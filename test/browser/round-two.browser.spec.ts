import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { minimalOfd, TIFF_HEAD } from '../support/files-fixtures.js';
import { bundleExampleForm, bundleOf, exampleForm, requiredMaterials, serviceItem, upload } from '../support/applicant.js';
import { auth, decide, waitForTask } from '../support/drive.js';
import { itemWithJoint, itemWithSteps, PARTICIPANTS } from '../support/joint-item.js';
import { privateDatabase, type PrivateDatabase } from '../support/private-database.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { eventually, field, launchBrowser, screenshot, signIn, visitor, type Visitor } from './browser.js';

/**
 * Issue 20, the pages' second round: each item a citizen, clerk, supervisor or admin tripped over, as
 * they met it in the browser.
 */
let system: TestSystem;
let browser: Browser;
let admin: string;
let citizen: string;
const visitors: Visitor[] = [];

// A database of its own: other files' cases, items and policies (admin pages edit the seeded ones) must not
// change what this file's pages show.
let database: PrivateDatabase | undefined;

beforeAll(async () => {
  database = await privateDatabase('round_two');
  system = await startTestSystem('single-server', { DATABASE_URL: database.url });
  browser = await launchBrowser();
  admin = await system.login('admin');
  citizen = await system.login('citizen1');
});

afterAll(async () => {
  for (const v of visitors) await v.context.close();
  await browser?.close();
  await system?.stopAll();
  await database?.drop();
});

async function person(username: string, locale?: string): Promise<Visitor> {
  const v = await visitor(browser, system.url!);
  if (locale) {
    await v.context.close();
    const context = await browser.newContext({ baseURL: system.url!, locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    Object.assign(v, { context, page, errors });
  }
  visitors.push(v);
  onTestFailed(() => screenshot(v.page, `failed-round-two-${username}`));
  await signIn(v.page, username);
  return v;
}

const caseOf = async (id: string, token = citizen) => (await system.http().get(`/api/cases/${id}`).set(auth(token)).expect(200)).body;

/** The Latin-word runs in the visible text of the page's main part (see walk.browser.spec.ts for the rule). */
const latinIn = (page: Page, selector = 'main') => page.locator(selector).first().innerText().then((text) => text.match(/[A-Za-z]{3,}(?:[ -][A-Za-z]{2,})*/g) ?? []);

describe('issue 20', { timeout: 150_000 }, () => {
  it('#1 the 证照核验 page opens from the nav without a code, and then checks one', async () => {
    const anyone = await visitor(browser, system.url!);
    visitors.push(anyone);
    const page = anyone.page;
    await page.goto('/portal');
    await page.getByRole('link', { name: '证照核验' }).first().click();
    await page.waitForURL('**/verify');
    await page.getByRole('heading', { name: '电子证照核验' }).waitFor();
    await field(page, '证照编号').fill('0000-0000-0000-0000');
    await page.getByRole('button', { name: /核\s*验/ }).click();
    await page.getByText('未找到该编号的证照').waitFor();
    expect(anyone.errors).toEqual([]);
  });

  it('#2 a refused upload, a definition problem and a type error read in Chinese', async () => {
    const c = await person('citizen1');
    await c.page.goto('/portal/apply/item/2201-SC-0001');
    const row = c.page.locator('[data-material="premisesProof"]');
    await row.locator('input[type=file]').setInputFiles({ name: 'lease.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text, not a PDF at all\n') });
    const refusal = c.page.locator('.ant-message').getByText(/上传失败/);
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('文件格式不受支持');
    expect(await refusal.textContent()).not.toMatch(/allowed|content is/);

    const a = await person('admin');
    await a.page.goto('/admin/workflows');
    await a.page.getByRole('button', { name: 'food-business-license 第 1 版 已发布' }).click();
    const editor = a.page.getByLabel('定义文档');
    await expect.poll(() => editor.inputValue()).toContain('"accept": "instant-check"');
    const text = await editor.inputValue();
    await editor.fill(text.replace('"accept": "instant-check"', '"accept": "nowhere"').replace(/"rule": "[^"]*"/, `"rule": "applicant.age >= '18'"`));
    const validation = a.page.getByTestId('validation');
    await validation.getByText('去向指向了不存在的环节').waitFor();
    await validation.getByText('规则无法通过类型检查').waitFor();
    expect(await validation.innerText()).not.toMatch(/no step has|no such overload/);
    expect(a.errors).toEqual([]);
  });

  it('#2 #6 联办 shows each department and its state; the timeline names actions, actors and departments in Chinese', async () => {
    const code = await itemWithJoint(system, admin);
    const item = await serviceItem(system, code);
    const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: code, form: exampleForm(item), materials: await requiredMaterials(system, citizen, item) }).expect(201);
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', body.id, 'accept')).id, { action: 'accept' });
    const [first] = PARTICIPANTS;
    await decide(system, first!, (await waitForTask(system, first!, body.id, 'joint')).id, { action: 'approve' });
    await expect.poll(async () => (await caseOf(body.id)).joint?.participants.find((p: { department: string }) => p.department === first)?.status, { timeout: 20_000 }).toBe('approved');

    const c = await person('citizen1');
    await c.page.goto(`/portal/cases/${body.id}`);
    const joint = c.page.getByTestId('joint-progress');
    await joint.waitFor();
    for (const department of PARTICIPANTS) await joint.locator(`[data-joint-department="${department}"]`).waitFor();
    expect(await joint.locator(`[data-joint-department="${first}"]`).textContent()).toBe('已同意');
    expect(await joint.locator('[data-joint-state="deciding"]').count()).toBe(PARTICIPANTS.length - 1);
    expect(await joint.innerText()).not.toContain('fire-rescue');
    // Every timeline entry names its department, by name.
    const entries = c.page.locator('.ant-timeline-item');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(3);
    expect(await c.page.locator('[data-department]').count()).toBe(await entries.count());
    expect(await latinIn(c.page, '.ant-timeline')).toEqual([]);
    expect(c.errors).toEqual([]);
  });

  it('#3 免申即享 explains itself in plain Chinese, not in the rule language', async () => {
    // 李娜 (citizen2) as the population registry knows her: over 80, 户籍 in 南关区, so 高龄津贴 reaches her.
    await system
      .http()
      .post('/api/registry/persons/import')
      .set(auth(admin))
      .set('Content-Type', 'application/x-ndjson')
      .send(`${JSON.stringify({ idNumber: '220102194209081022', name: '李娜', gender: 'F', birthDate: '1942-09-08', hukouDistrict: '南关区', disabilityLevel: 2, monthlyIncome: 2350, householdSize: 2, phone: '13756093318' })}\n`)
      .expect(200);
    const citizen2 = await system.login('citizen2');
    await expect
      .poll(async () => (await system.http().get('/api/my/benefits').set(auth(citizen2))).body.items.some((g: { policyCode: string }) => g.policyCode === 'elderly-allowance'), { timeout: 30_000 })
      .toBe(true);
    const c = await person('citizen2');
    await c.page.goto('/portal/benefits');
    const row = c.page.getByRole('row').filter({ hasText: '高龄' }).first();
    await row.waitFor();
    await row.getByRole('button').first().click();
    const basis = c.page.getByTestId('benefit-basis').first();
    await basis.getByText(/年满 80 周岁，户籍在南关区/).waitFor();
    await basis.getByText(/\d+ 岁、户籍南关区/).waitFor();
    expect(await basis.innerText()).not.toMatch(/person\.|&&|>=/);
    expect(c.errors).toEqual([]);
  });

  it('#4 an acknowledged flag stays reachable and can be resolved', async () => {
    const db = system.app.get(DataSource);
    const policyCode = `flag-${randomUUID().slice(0, 8)}`;
    await db.query(
      `INSERT INTO risk_flag (kind, severity, target_key, facts, status, detected_at) VALUES ('benefit_run_jump', 'yellow', $1, $2, 'open', now())`,
      [`test:${policyCode}`, { policyCode, eligible: 90, previous: 10, changePercent: 800 }],
    );
    const s = await person('supervisor');
    await s.page.goto('/dashboard');
    const row = s.page.getByRole('row').filter({ hasText: policyCode });
    await row.waitFor();
    // The dashboard's charts keep laying themselves out below: click as a person does, without waiting for stillness.
    await row.getByRole('button', { name: /确认知悉/ }).click({ force: true });
    await s.page.getByText('已确认知悉').waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await s.page.getByLabel('状态').first().click();
    await s.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已知悉' }).click();
    await row.waitFor();
    await row.getByRole('button', { name: /处理完毕/ }).click({ force: true });
    await s.page.getByLabel('处理说明').fill('已核实：本次人数增加因新导入了户籍数据');
    await s.page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await s.page.getByText('已标记处理完毕').waitFor();
    const [flag] = await db.query(`SELECT status FROM risk_flag WHERE target_key = $1`, [`test:${policyCode}`]);
    expect(flag.status).toBe('resolved');
    expect(s.errors).toEqual([]);
  });

  it('#5 the apply form: all problems at once, pre-filled from the account, OFD and TIFF accepted', async () => {
    const c = await person('citizen1');
    await c.page.goto('/portal/apply/item/2201-SC-0001');
    await c.page.getByRole('heading', { name: '申请：食品经营许可证核发' }).waitFor();
    // Pre-filled from the account: the person is the 负责人, and their phone.
    await expect.poll(() => field(c.page, '法定代表人（负责人）').inputValue()).not.toBe('');
    expect(await field(c.page, '联系电话').inputValue()).toMatch(/^1\d{10}$/);
    // One round: a field left empty and the materials not given, reported together.
    await c.page.getByRole('button', { name: '提交申请' }).click();
    await c.page.locator('.ant-form-item-explain-error').first().waitFor();
    await c.page.locator('[data-material="foodBusinessApplicationForm"] [role=alert]').waitFor();
    await c.page.locator('[data-material="premisesProof"] [role=alert]').waitFor();
    // What the server accepts, the page does: an OFD and a TIFF.
    for (const [key, file] of [
      ['premisesProof', { name: '租赁合同.ofd', mimeType: '', buffer: minimalOfd() }],
      ['facilityLayout', { name: '平面图.tif', mimeType: 'image/tiff', buffer: TIFF_HEAD }],
    ] as const) {
      const row = c.page.locator(`[data-material="${key}"]`);
      await row.locator('input[type=file]').setInputFiles(file);
      await row.locator('[data-uploaded]').waitFor();
    }
    expect(c.errors).toEqual([]);
  });

  it('#7 a bundle gets a short regular number, and its deadlines from its items', async () => {
    const bundle = await bundleOf(system, 'open-restaurant');
    const items = await Promise.all(bundle.serviceItemCodes.map((code) => serviceItem(system, code)));
    const keys = [...new Set(items.flatMap((item) => item.materials.filter((m) => m.required && !m.tolerant).map((m) => m.key)))];
    const materials = [];
    for (const key of keys) materials.push({ key, fileId: await upload(system, citizen, key) });
    // 一表申请: one merged form for the whole bundle.
    const form = bundleExampleForm(bundle);
    const submitted = await system.http().post('/api/cases').set(auth(citizen)).send({ bundleCode: 'open-restaurant', form, materials });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const body = submitted.body as { id: string; caseNo: string };
    expect(body.caseNo).toMatch(/^NG\d{4}-YJS-\d{6}$/);
    const parent = await caseOf(body.id);
    for (const child of parent.children as { id: string; departmentCode: string }[]) {
      const task = await waitForTask(system, child.departmentCode, child.id);
      await decide(system, child.departmentCode, task.id, { action: 'accept' });
    }
    const c = await person('citizen1');
    await c.page.goto(`/portal/cases/${body.id}`);
    await c.page.getByRole('heading', { name: new RegExp(body.caseNo) }).waitFor();
    await eventually(async () => {
      await c.page.reload();
      await c.page.getByRole('heading', { name: new RegExp(body.caseNo) }).waitFor();
      await c.page.getByText('办理时限').first().waitFor();
      return (await c.page.getByText('承诺办结时限：').count()) > 0;
    }, 60_000);
    expect(await c.page.getByText('受理后开始计时').count()).toBe(0);
    expect(c.errors).toEqual([]);
  });

  it('#8 the workflow graph: laid out with no label over another, in Chinese; the policy editor checks as it is typed', async () => {
    const a = await person('admin');
    await a.page.goto('/admin/workflows');
    await a.page.getByRole('button', { name: 'food-business-license 第 1 版 已发布' }).click();
    const graph = a.page.getByTestId('workflow-graph');
    await graph.locator('svg text').first().waitFor();
    const boxes = await graph.locator('svg text').evaluateAll((texts) =>
      texts.map((t) => {
        const r = (t as unknown as { getBoundingClientRect(): { left: number; top: number; right: number; bottom: number } }).getBoundingClientRect();
        return { text: (t as unknown as { textContent: string }).textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    const shown = boxes.filter((b) => b.text.trim() !== '' && b.right > b.left);
    expect(shown.length).toBeGreaterThan(6);
    const overlaps = shown.flatMap((a1, i) => shown.slice(i + 1).filter((b) => a1.left < b.right - 1 && b.left < a1.right - 1 && a1.top < b.bottom - 1 && b.top < a1.bottom - 1).map((b) => `${a1.text} × ${b.text}`));
    expect(overlaps).toEqual([]);
    expect(shown.map((b) => b.text).join(' ')).not.toMatch(/\b(accept|approve|reject|done|true|false|correction)\b/);

    await a.page.goto('/admin/policies');
    await a.page.getByRole('button', { name: /新建政策/ }).click();
    await field(a.page, '资格规则（CEL 表达式）').fill("person.age >= '80'");
    // No save: the problem shows as it is typed, in Chinese.
    await a.page.getByTestId('rule-errors').getByText('运算两侧的类型不匹配（例如数字与文字比较）').waitFor();
    await field(a.page, '资格规则（CEL 表达式）').fill("person.age >= 80 && person.hukouDistrict == '南关区'");
    await a.page.getByTestId('rule-plain').getByText('年满 80 周岁，户籍在南关区').waitFor();

    // A dry run's count goes once the rule it counted is changed.
    await a.page.getByRole('button', { name: '高龄津贴' }).first().click();
    await a.page.getByRole('button', { name: /试\s*算/ }).click();
    await a.page.getByText(/试算结果/).waitFor();
    await field(a.page, '资格规则（CEL 表达式）').fill('person.age >= 90');
    await expect.poll(() => a.page.getByText(/试算结果/).count()).toBe(0);
    await a.page.getByText('规则已修改：请先保存为新版本，再试算和发放').waitFor();
    expect(a.errors).toEqual([]);
  });

  it('#9 saving a calendar day unchanged records no new version', async () => {
    const changes = async () => (await system.http().get('/api/calendar/changes').set(auth(admin)).expect(200)).body.items.length as number;
    const before = await changes();
    const a = await person('admin');
    await a.page.goto('/admin/calendar');
    await a.page.getByRole('combobox').first().click();
    await a.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '2026' }).click();
    await a.page.getByRole('button', { name: /^2026-10-01/ }).click();
    await a.page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await a.page.getByText('未作修改，无需保存').waitFor();
    // Through the API too, the same day as it is: nothing recorded.
    const day = (await system.http().get('/api/calendar/days').query({ from: '2026-10-01', to: '2026-10-01' }).expect(200)).body.items[0];
    await system.http().put('/api/calendar/days/2026-10-01').set(auth(admin)).send({ isWorkday: day.isWorkday, note: day.note }).expect(200);
    expect(await changes()).toBe(before);
    expect(a.errors).toEqual([]);
  });

  it('#10 a licence applied for by an enterprise names the enterprise as its holder', async () => {
    const code = await itemWithSteps(system, admin, 'holder', [
      { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'issue', refuse: 'end:refused' } },
      { id: 'issue', type: 'certificate', certificate: { name: '测试许可证' }, outcomes: { done: 'end:approved' } },
    ]);
    const enterprise = await system.login('enterprise1');
    const item = await serviceItem(system, code);
    const { body } = await system.http().post('/api/cases').set(auth(enterprise)).send({ serviceItemCode: code, form: exampleForm(item), materials: await requiredMaterials(system, enterprise, item) }).expect(201);
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', body.id, 'accept')).id, { action: 'accept' });
    let certificate: string | undefined;
    await expect.poll(async () => (certificate = (await caseOf(body.id, enterprise)).certificates[0]?.code), { timeout: 20_000 }).toBeDefined();
    const anyone = await visitor(browser, system.url!);
    visitors.push(anyone);
    await anyone.page.goto(`/verify/${certificate}`);
    await anyone.page.getByText('证照真实有效').waitFor();
    await anyone.page.getByText('持证单位').waitFor();
    expect(await anyone.page.locator('[data-holder]').textContent()).toBe('长春市南关区福顺餐饮有限公司');
    expect(anyone.errors).toEqual([]);
  });

  it('#11 date pickers read zh-CN even in an English browser; #12 turnaround shows minutes, not 0 hours', async () => {
    // A case accepted and decided at once: its working time is minutes at most.
    const code = await itemWithSteps(system, admin, 'quick', [
      { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'approval', refuse: 'end:refused' } },
      { id: 'approval', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { approve: 'end:approved', reject: 'end:rejected' } },
    ]);
    const item = await serviceItem(system, code);
    const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: code, form: exampleForm(item), materials: await requiredMaterials(system, citizen, item) }).expect(201);
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', body.id, 'accept')).id, { action: 'accept' });
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', body.id, 'approval')).id, { action: 'approve' });

    const s = await person('supervisor', 'en-US');
    await s.page.goto('/dashboard');
    const asOf = s.page.getByTestId('forecast').getByLabel('预测到');
    await expect.poll(() => asOf.inputValue()).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
    await asOf.click();
    await s.page.locator('.ant-picker-dropdown:visible').getByText(/^(此刻|今天)$/).first().waitFor();
    await s.page.keyboard.press('Escape');

    await s.page.getByText('图表数据').first().click();
    const cells = s.page.locator('[data-working-time]');
    await cells.first().waitFor();
    const texts = await cells.allTextContents();
    expect(texts.every((text) => /^(\d+\.\d 小时|\d+ 分钟|不到 1 分钟)$/.test(text))).toBe(true);
    expect(texts).not.toContain('0.0');
    expect(s.errors).toEqual([]);
  });
});
