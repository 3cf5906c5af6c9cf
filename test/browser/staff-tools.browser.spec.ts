import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from '../support/applicant.js';
import { eventually, field, pagesUnderTest, screenshot } from './browser.js';

/**
 * Issue #19 in the pages: a supervisor assigns a task to a named clerk on 工作量与指派, and a clerk accepts
 * several applications at once in the workbench (one bulk call, a result per task). A database of its own:
 * the queue holds this file's cases only.
 */

const pages = pagesUnderTest({ database: 'staff_tools' });
let citizen: string;
let admin: string;
let clerkToken: string;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const PASSWORD = 'Staff-tools-2026!';

beforeAll(async () => {
  [citizen, admin, clerkToken] = await Promise.all(['citizen1', 'admin', 'clerk.market-regulation'].map((u) => pages.system.login(u)));
});

interface Task {
  id: string;
  caseId: string;
  status: string;
  claimedBy: string | null;
}

/** A food licence application and its open 受理 task in market-regulation's queue. */
async function application(): Promise<{ caseId: string; caseNo: string; task: Task }> {
  const item = await serviceItem(pages.system, '2201-SC-0001');
  const materials = await requiredMaterials(pages.system, citizen, item);
  const { body } = await pages.system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item), materials }).expect(201);
  let task: Task | undefined;
  await eventually(async () => {
    const { body: queue } = await pages.system.http().get(`/api/tasks?caseId=${body.id}`).set(auth(clerkToken)).expect(200);
    task = (queue.items as Task[])[0];
    return task !== undefined;
  });
  return { caseId: body.id, caseNo: body.caseNo, task: task! };
}

describe('staff tools in the pages', () => {
  it('a supervisor assigns a task to a named clerk of its department on 工作量与指派', async () => {
    const name = `王${randomUUID().slice(0, 4)}`;
    const username = `wang.${randomUUID().slice(0, 6)}`;
    const { body: clerk } = await pages.system.http().post('/api/users').set(auth(admin)).send({ username, password: PASSWORD, roles: ['clerk'], departmentCode: 'market-regulation', displayName: name }).expect(201);
    const created = await application();

    const supervisor = await pages.person('supervisor');
    onTestFailed(() => screenshot(supervisor.page, 'failed-assign'));
    await supervisor.page.getByRole('link', { name: '工作量与指派' }).click();
    await supervisor.page.getByRole('heading', { name: '工作量与指派', level: 1 }).waitFor();
    await supervisor.page.getByLabel('部门').click();
    await supervisor.page.getByLabel('部门').fill('市场监督');
    await supervisor.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '南关区市场监督管理局' }).click();
    await supervisor.page.getByTestId('workload-clerks').getByText(name).waitFor();

    const assignBox = field(supervisor.page, `将 ${created.caseNo} 指派给`);
    await assignBox.click();
    await assignBox.fill(name);
    await supervisor.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
    await supervisor.page.getByRole('button', { name: `指派 ${created.caseNo}` }).click();
    await supervisor.page.getByText(`已指派给 ${name}`).waitFor();
    await screenshot(supervisor.page, 'task-assigned');

    // The task is the clerk's now, for good, and the clerk's row counts it.
    const { body: task } = await pages.system.http().get(`/api/tasks/${encodeURIComponent(created.task.id)}`).set(auth(clerkToken)).expect(200);
    expect(task).toMatchObject({ status: 'claimed', claimedBy: clerk.id, leaseUntil: null });
    const row = supervisor.page.getByTestId('workload-clerks').getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row.textContent()).toContain('1');

    // The assignee finds it in the workbench as theirs.
    const assignee = await pages.person(username, PASSWORD);
    await assignee.page.goto('/workbench');
    await assignee.page.getByRole('row', { name: new RegExp(created.caseNo) }).getByText('已认领').waitFor();
    expect([...supervisor.errors, ...assignee.errors]).toEqual([]);
  });

  it('a clerk accepts the selected applications at once; a task decided meanwhile is refused on its own', async () => {
    const [first, second, third] = [await application(), await application(), await application()];
    const clerk = await pages.person('clerk.market-regulation');
    onTestFailed(() => screenshot(clerk.page, 'failed-bulk-accept'));
    await clerk.page.goto('/workbench');
    for (const c of [first, second, third]) await clerk.page.getByLabel(`选择 ${c.caseNo}`).check();
    // A colleague decides the third while the page shows it.
    await pages.system.http().post(`/api/tasks/${encodeURIComponent(third.task.id)}/decision`).set(auth(clerkToken)).send({ action: 'accept' }).expect(200);

    let bulkCalls = 0;
    clerk.page.on('request', (request) => {
      if (request.url().endsWith('/api/tasks/bulk')) bulkCalls += 1;
    });
    await clerk.page.getByRole('button', { name: /批量受理/ }).click();
    await clerk.page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    const result = clerk.page.getByRole('status').filter({ hasText: '批量受理结果' });
    await result.getByText('受理成功 2 件，失败 1 件').waitFor();
    await result.getByText(new RegExp(`${third.caseNo}.*该任务已办结或已取消`)).waitFor();
    await screenshot(clerk.page, 'bulk-accepted');
    expect(bulkCalls).toBe(1);

    for (const c of [first, second]) {
      const { body } = await pages.system.http().get(`/api/cases/${c.caseId}`).set(auth(clerkToken)).expect(200);
      expect(body.timeline.map((row: { action: string }) => row.action)).toContain('accept');
    }
    expect(clerk.errors).toEqual([]);
  });
});
