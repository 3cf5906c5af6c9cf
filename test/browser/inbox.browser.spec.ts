import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from '../support/applicant.js';
import { auth, decide, waitForTask } from '../support/drive.js';
import { SEED_PASSWORD, startTestSystem, type TestSystem } from '../support/system.js';
import { eventually, launchBrowser, screenshot, signIn, visitor, type Visitor } from './browser.js';

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

describe('the inbox (#18)', () => {
  let citizen: Visitor;
  let adminVisitor: Visitor;

  afterAll(async () => {
    await citizen?.context.close();
    await adminVisitor?.context.close();
  });

  it('shows the citizen the unread count; the inbox links each notice to its case', async () => {
    // A citizen of its own, whose case a clerk accepted: the inbox holds the submission's notices.
    const admin = await system.login('admin');
    const username = `inbox.${randomUUID().slice(0, 8)}`;
    await system.http().post('/api/users').set(auth(admin)).send({ username, password: SEED_PASSWORD, roles: ['citizen'], displayName: '钱芳' }).expect(201);
    const token = await system.login(username);
    const item = await serviceItem(system, '2201-SC-0001');
    const materials = await requiredMaterials(system, token, item, ['foodSafetySystem']);
    const created = (
      await system
        .http()
        .post('/api/cases')
        .set(auth(token))
        .set('Idempotency-Key', randomUUID())
        .send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials })
        .expect(201)
    ).body as { id: string; caseNo: string };
    const task = await waitForTask(system, 'market-regulation', created.id, 'accept');
    await decide(system, 'market-regulation', task.id, { action: 'accept', comment: '材料齐全' });
    await expect
      .poll(async () => (await system.http().get('/api/my/notifications/unread-count').set(auth(token)).expect(200)).body.unread, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    const unread = (await system.http().get('/api/my/notifications/unread-count').set(auth(token)).expect(200)).body.unread as number;

    citizen = await visitor(browser, system.url!);
    onTestFailed(() => screenshot(citizen.page, 'failed-inbox-citizen'));
    const c = citizen.page;
    await signIn(c, username);
    const bell = c.getByRole('button', { name: `消息（${unread} 条未读）` });
    await bell.waitFor();
    await screenshot(c, 'inbox-bell');
    await bell.click();
    await c.getByRole('heading', { name: '我的消息' }).waitFor();
    const notice = c.locator('[data-notice]').filter({ hasText: `办件 ${created.caseNo} 已受理` });
    await notice.waitFor();
    expect(await notice.getAttribute('data-unread')).toBe('true');
    await screenshot(c, 'inbox-page');

    await notice.getByRole('link', { name: '查看办件' }).click();
    await c.getByRole('heading', { name: `办件 ${created.caseNo}` }).waitFor();
    expect(new URL(c.url()).pathname).toBe(`/portal/cases/${created.id}`);
    // Following the notice read it: the bell counts one fewer.
    await eventually(async () => (await c.getByRole('button', { name: `消息（${unread - 1} 条未读）` }).count()) === 1);
    expect(citizen.errors).toEqual([]);
  });

  it('shows admins the webhooks and the messages that failed', async () => {
    adminVisitor = await visitor(browser, system.url!);
    onTestFailed(() => screenshot(adminVisitor.page, 'failed-inbox-admin'));
    const a = adminVisitor.page;
    await signIn(a, 'admin');
    await a.goto('/admin/notifications');
    await a.getByRole('heading', { name: '通知与推送' }).waitFor();
    await a.getByText('办件推送（Webhook）').waitFor();
    await a.getByText('发送失败的短信和邮件').waitFor();
    await screenshot(a, 'admin-notifications');
    expect(adminVisitor.errors).toEqual([]);
  });
});
