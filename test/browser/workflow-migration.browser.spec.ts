import { describe, expect, it, onTestFailed } from 'vitest';
import { serviceItem } from '../support/applicant.js';
import { auth, decide, waitForTask } from '../support/drive.js';
import { itemWithSteps, submitCase } from '../support/joint-item.js';
import { pagesUnderTest, screenshot, signIn } from './browser.js';

/** Issue #19 in the pages: moving a running case to the published version, dry run first. */

const pages = pagesUnderTest();

const ACCEPT = { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'review', refuse: 'end:refused' } };
const ISSUE = { id: 'issue', type: 'certificate', outcomes: { done: 'end:approved' } };

describe('moving running cases in the pages', () => {
  it('the admin maps the changed step, sees the dry run, then moves the case', async () => {
    const admin = await pages.system.login('admin');
    const citizen = await pages.system.login('citizen1');
    const code = await itemWithSteps(pages.system, admin, 'migpage', [ACCEPT, { id: 'review', type: 'review', queue: { department: 'market-regulation', role: 'reviewer' }, outcomes: { approve: 'issue', reject: 'end:rejected' } }, ISSUE]);
    const key = (await serviceItem(pages.system, code)).workflowKey;
    const caseId = await submitCase(pages.system, citizen, code);
    await decide(pages.system, 'market-regulation', (await waitForTask(pages.system, 'market-regulation', caseId, 'accept')).id, { action: 'accept' });
    await waitForTask(pages.system, 'market-regulation', caseId, 'review');
    const v1 = (await pages.system.http().get(`/api/workflows/${key}/versions/1`).set(auth(admin)).expect(200)).body;
    const steps = [{ ...ACCEPT, outcomes: { ...ACCEPT.outcomes, accept: 'health-check' } }, { id: 'health-check', type: 'review', name: '卫生核查', queue: { department: 'health', role: 'reviewer' }, outcomes: { approve: 'issue', reject: 'end:rejected' } }, ISSUE];
    const draft = (await pages.system.http().post('/api/workflows').set(auth(admin)).send({ ...v1, steps }).expect(201)).body.version as number;
    await pages.system.http().post(`/api/workflows/${key}/versions/${draft}/publish`).set(auth(admin)).expect(200);
    const caseNo = (await pages.system.http().get(`/api/cases/${caseId}`).set(auth(citizen)).expect(200)).body.caseNo as string;

    const adminVisitor = await pages.person(null);
    const page = adminVisitor.page;
    onTestFailed(() => screenshot(page, 'failed-migration'));
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: '流程定义', level: 1 }).waitFor();
    await page.getByRole('button', { name: `${key} 第 1 版 已被替代` }).click();
    const card = page.getByTestId('workflow-migration');
    await card.getByRole('heading', { name: '迁移在办件' }).waitFor();
    // `accept` is in both versions and filled in; `review` is not in the new one: mapped by hand.
    await card.locator('#map-review').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '卫生核查 (health-check)' }).click();
    await card.getByRole('button', { name: /试运行/ }).click();
    const result = card.getByTestId('migration-result');
    await result.getByText('可迁移 1 件，不能迁移 0 件').waitFor();
    await result.getByRole('row', { name: new RegExp(`${caseNo}.*review.*health-check.*可迁移`) }).waitFor();
    await card.getByRole('button', { name: /迁移办件/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await result.getByRole('row', { name: new RegExp(`${caseNo}.*已迁移`) }).waitFor();
    await result.getByText('已迁移 1 件，未迁移 0 件').waitFor();
    await screenshot(page, 'workflow-migration');

    expect((await pages.system.http().get(`/api/cases/${caseId}`).set(auth(citizen)).expect(200)).body.workflow).toEqual({ key, version: draft });
    await waitForTask(pages.system, 'health', caseId, 'health-check');
    expect(adminVisitor.errors).toEqual([]);
  }, 90_000);
});
