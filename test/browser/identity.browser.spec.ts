import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { pdfBytes } from '../support/applicant.js';
import { auth } from '../support/drive.js';
import { phoneNumber, smsInbox } from '../support/identity.js';
import { startTestSystem, type TestSystem } from '../support/system.js';
import { idNumberOf, usccOf } from '../support/registry-fixtures.js';
import { choose, field, launchBrowser, pick, screenshot, signIn, visitor, type Visitor } from './browser.js';

/**
 * Issue #17 in the pages: a new citizen registers and applies; an agent applies for a principal; a clerk
 * enters a counter case; an enterprise is registered, its legal representative authorises a 经办人, who applies for it.
 */
let system: TestSystem;
let browser: Browser;
let inbox: ReturnType<typeof smsInbox>;
const visitors: Visitor[] = [];
const PASSWORD = 'A-long-passphrase-2026';
const ITEM = { code: '2201-RS-0001', name: '就业创业证申领' };

beforeAll(async () => {
  system = await startTestSystem('single-server');
  inbox = smsInbox(system);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const v of visitors) await v.context.close();
  await browser?.close();
  await system?.stopAll();
});

async function open(): Promise<Visitor> {
  const v = await visitor(browser, system.url!);
  visitors.push(v);
  onTestFailed(async () => screenshot(v.page, `failed-identity-${visitors.indexOf(v)}`));
  return v;
}

const pdf = (label: string) => ({ name: `${label}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(label) });

async function upload(page: Page, key: string): Promise<void> {
  const row = page.locator(`[data-material="${key}"]`);
  await row.locator('input[type=file]').setInputFiles(pdf(key));
  await expect.poll(() => row.locator('[data-uploaded]').count()).toBe(1);
}

/** The form of 就业创业证申领 and its two required materials. */
async function fillEmploymentForm(page: Page, name: string, idNumber: string): Promise<void> {
  await field(page, '申请人姓名').fill(name);
  await field(page, '居民身份证号码').fill(idNumber);
  await field(page, '联系电话').fill('13904318826');
  await pick(page, '文化程度', '本科');
  await choose(page, '登记失业');
  await field(page, '居住地址').fill('长春市南关区永吉街道亚泰大街2688号3栋2单元501室');
  await upload(page, 'applicantIdCard');
  await upload(page, 'oneInchPhoto');
}

async function citizenAccount(name: string): Promise<{ username: string; id: string }> {
  const admin = await system.login('admin');
  const username = `browser.${randomUUID().slice(0, 8)}`;
  const { body } = await system.http().post('/api/users').set(auth(admin)).send({ username, password: PASSWORD, roles: ['citizen'], displayName: name }).expect(201);
  return { username, id: body.id };
}

const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

// Two or three people, each signing in and filling a form: slow on a busy machine.
describe('real people get in', { timeout: 180_000 }, () => {
  it('a new citizen registers with an SMS code and applies', async () => {
    const { page, errors } = await open();
    await page.goto('/login');
    await page.getByRole('link', { name: '注册账号' }).click();
    await page.getByRole('heading', { name: '实名注册' }).waitFor();
    const phone = phoneNumber();
    const { idNumber } = idNumberOf('F', 1996);
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => inbox.last(phone)).toMatch(/^\d{6}$/);
    await field(page, '验证码').fill(inbox.last(phone)!);
    await field(page, '姓名').fill('郭晓雯');
    await field(page, '身份证号').fill(idNumber);
    await field(page, '设置密码').fill(PASSWORD);
    await screenshot(page, 'identity-register');
    await page.getByRole('button', { name: '注 册' }).or(page.getByRole('button', { name: '注册', exact: true })).click();
    await page.waitForURL('**/portal');
    await page.getByText('郭晓雯').first().waitFor();

    await page.getByRole('link', { name: `在线申请 ${ITEM.name}` }).click();
    await page.getByRole('heading', { name: `申请：${ITEM.name}` }).waitFor();
    await fillEmploymentForm(page, '郭晓雯', idNumber);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL('**/portal/cases/*');
    await page.locator('[data-case-parties]').getByText('申请人：郭晓雯').waitFor();
    expect(errors).toEqual([]);
  });

  it('an agent applies for a principal who authorised them on 我的代办授权', async () => {
    const principal = await citizenAccount('冯淑珍');
    const agent = await citizenAccount('冯志强');
    const p = await open();
    await signIn(p.page, principal.username, PASSWORD);
    await p.page.getByRole('link', { name: '代办授权' }).click();
    await p.page.getByRole('heading', { name: '我的代办授权' }).waitFor();
    await field(p.page, '代办人用户名').fill(agent.username);
    await field(p.page, '有效期至').fill(tomorrow());
    await field(p.page, '有效期至').press('Enter');
    await p.page.getByRole('button', { name: '授 权' }).or(p.page.getByRole('button', { name: '授权', exact: true })).click();
    await p.page.getByRole('row').filter({ hasText: agent.username }).filter({ hasText: '有效' }).waitFor();
    await screenshot(p.page, 'identity-agents');

    const a = await open();
    await signIn(a.page, agent.username, PASSWORD);
    await a.page.goto(`/portal/apply/item/${ITEM.code}`);
    await a.page.getByRole('heading', { name: `申请：${ITEM.name}` }).waitFor();
    await a.page.getByRole('combobox', { name: '申请人', exact: true }).click();
    await a.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '代 冯淑珍 申请' }).click();
    await fillEmploymentForm(a.page, '冯淑珍', idNumberOf('F', 1940).idNumber);
    await a.page.getByRole('button', { name: '提交申请' }).click();
    await a.page.waitForURL('**/portal/cases/*');
    await a.page.locator('[data-case-parties]').getByText('代办人：冯志强').waitFor();
    await a.page.locator('[data-case-parties]').getByText('申请人：冯*珍').waitFor();

    // The principal sees the case among their own.
    await p.page.getByRole('link', { name: '我的办件' }).click();
    await p.page.getByRole('row').filter({ hasText: ITEM.name }).first().waitFor();
    expect([...p.errors, ...a.errors]).toEqual([]);
  });

  it('a legal representative registers an enterprise and authorises a 经办人, who applies for it (为企业申请)', async () => {
    const boss = await citizenAccount('高建业');
    const handler = await citizenAccount('高小燕');
    const name = `长春市南关区高记餐饮有限公司${randomUUID().slice(0, 4)}`;
    const uscc = usccOf();

    const b = await open();
    await signIn(b.page, boss.username, PASSWORD);
    await b.page.getByRole('link', { name: '我的企业' }).click();
    await b.page.getByRole('heading', { name: '我的企业', level: 1 }).waitFor();
    // A credit code with a wrong check character is refused on its field.
    await field(b.page, '统一社会信用代码').fill(uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'));
    await field(b.page, '企业名称').fill(name);
    await b.page.getByRole('button', { name: '注册并绑定' }).click();
    await b.page.locator('.ant-form-item-has-error').filter({ hasText: '统一社会信用代码' }).waitFor();
    await field(b.page, '统一社会信用代码').fill(uscc);
    await b.page.getByRole('button', { name: '注册并绑定' }).click();
    const row = b.page.getByRole('row').filter({ hasText: name });
    await row.filter({ hasText: '法定代表人' }).waitFor();
    await row.getByRole('button', { name: '管理经办人' }).click();
    const handlers = b.page.locator('[data-handlers]');
    await handlers.getByRole('heading', { name: `经办人管理：${name}` }).waitFor();
    await field(handlers, '经办人用户名').fill(handler.username);
    await field(handlers, '有效期至').fill(tomorrow());
    await handlers.getByRole('button', { name: '授权经办人' }).click();
    await handlers.getByRole('row').filter({ hasText: handler.username }).filter({ hasText: '有效' }).waitFor();
    await screenshot(b.page, 'identity-enterprise');

    const h = await open();
    await signIn(h.page, handler.username, PASSWORD);
    await h.page.getByRole('link', { name: '我的企业' }).click();
    await h.page.getByRole('row').filter({ hasText: name }).filter({ hasText: '经办人' }).filter({ hasText: '有效' }).waitFor();
    await h.page.goto('/portal/apply/item/2201-SC-0001');
    await h.page.getByRole('heading', { name: '申请：食品经营许可证核发' }).waitFor();
    await h.page.getByRole('combobox', { name: '申请人', exact: true }).click();
    await h.page.locator('.ant-select-dropdown:visible').getByText('为企业申请', { exact: true }).waitFor();
    await h.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: `为企业申请：${name}` }).click();
    await field(h.page, '经营者名称').fill(name);
    await field(h.page, '法定代表人（负责人）').fill('高建业');
    await field(h.page, '经营场所').fill('长春市南关区东岭南街1369号');
    await h.page.getByRole('radio', { name: '餐饮服务经营者' }).check();
    await pick(h.page, '经营项目', '热食类食品制售');
    await field(h.page, '经营场所面积（平方米）').fill('120');
    await field(h.page, '食品安全管理员').fill('高小燕');
    await field(h.page, '联系电话').fill('13904318826');
    for (const key of ['foodBusinessApplicationForm', 'legalRepresentativeId', 'premisesProof', 'facilityLayout']) await upload(h.page, key);
    await h.page.getByRole('button', { name: '提交申请' }).click();
    await h.page.waitForURL('**/portal/cases/*');
    const parties = h.page.locator('[data-case-parties]');
    await parties.getByText(`申请人：${name}`).waitFor();
    await parties.getByText('代办人：高小燕').waitFor();

    // The legal representative sees the enterprise's case among their own.
    await b.page.getByRole('link', { name: '我的办件' }).click();
    await b.page.getByRole('row').filter({ hasText: '食品经营许可证核发' }).first().waitFor();
    expect([...b.errors, ...h.errors]).toEqual([]);
  });

  it('a clerk enters a counter case for a walk-in applicant', async () => {
    const { page, errors } = await open();
    await signIn(page, 'clerk.human-resources');
    await page.getByRole('link', { name: '窗口代录' }).click();
    await page.getByRole('heading', { name: '窗口代录' }).waitFor();
    const { idNumber } = idNumberOf('M', 1958);
    await field(page, '身份证号').fill(idNumber);
    await field(page, '姓名').fill('韩建国');
    await page.getByLabel('办理事项').click();
    await page.getByLabel('办理事项').fill(ITEM.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: ITEM.name }).first().click();
    await fillEmploymentForm(page, '韩建国', idNumber);
    await screenshot(page, 'identity-counter');
    await page.getByRole('button', { name: '提交代录' }).click();
    await page.getByText(/已代录办件 .*已为申请人预留账号/).waitFor();
    expect(errors).toEqual([]);
  });
});
