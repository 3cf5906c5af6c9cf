import { describe, expect, it, onTestFailed } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from '../support/applicant.js';
import { field, pagesUnderTest, screenshot } from './browser.js';

/** Issue #19 in the pages: a 差评 given in the portal, worked in the 差评整改 pages; a licence revoked and verified. */

const pages = pagesUnderTest();
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function applyForFoodLicence(citizen: string, floorArea: number): Promise<{ id: string; caseNo: string }> {
  const item = await serviceItem(pages.system, '2201-SC-0001');
  const materials = await requiredMaterials(pages.system, citizen, item, ['foodSafetySystem']);
  const { body } = await pages.system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea, businessScope: '自制饮品制售' }), materials }).expect(201);
  return body;
}

describe('差评 整改 in the pages', () => {
  it('a citizen rates 非常不满意; the clerk records 回访 and 整改; the supervisor closes the ticket', async () => {
    const citizenToken = await pages.system.login('citizen1');
    const created = await applyForFoodLicence(citizenToken, 80.0);
    await pages.system.http().post(`/api/cases/${created.id}/withdraw`).set(auth(citizenToken)).expect(200);

    const citizen = await pages.person('citizen1');
    onTestFailed(() => screenshot(citizen.page, 'failed-rating'));
    await citizen.page.goto(`/portal/cases/${created.id}`);
    const rating = citizen.page.getByTestId('rating');
    // The five levels are named, not only drawn as stars.
    await rating.getByTestId('score-label').getByText('非常满意 · 满意 · 基本满意 · 不满意 · 非常不满意').waitFor();
    await rating.locator('.ant-rate-star').first().click();
    await rating.getByTestId('score-label').getByText('非常不满意', { exact: true }).waitFor();
    await rating.getByRole('textbox').fill('窗口等候时间太长');
    await rating.getByRole('button', { name: /提交评价/ }).click();
    await rating.getByText('您的评价：非常不满意（1 分）').waitFor();

    const clerk = await pages.person('clerk.market-regulation');
    onTestFailed(() => screenshot(clerk.page, 'failed-ticket-clerk'));
    await clerk.page.getByRole('link', { name: '差评整改' }).click();
    await clerk.page.getByRole('heading', { name: '差评整改工单', level: 1 }).waitFor();
    await clerk.page.getByRole('link', { name: created.caseNo }).click();
    await clerk.page.getByTestId('ticket-status').getByText('待回访').waitFor();
    await field(clerk.page.getByTestId('visit-form'), '回访记录').fill('已电话回访申请人，致歉并说明改进措施');
    await clerk.page.getByTestId('visit-form').getByRole('button', { name: /提\s*交/ }).click();
    await clerk.page.getByTestId('ticket-status').getByText('已回访').waitFor();
    await field(clerk.page.getByTestId('rectify-form'), '整改记录').fill('高峰时段增开两个窗口');
    await clerk.page.getByTestId('rectify-form').getByRole('button', { name: /提\s*交/ }).click();
    await clerk.page.getByTestId('ticket-status').getByText('已整改').waitFor();
    // Closing is not the clerk's.
    expect(await clerk.page.getByRole('button', { name: '办结工单' }).count()).toBe(0);

    const supervisor = await pages.person('supervisor');
    onTestFailed(() => screenshot(supervisor.page, 'failed-ticket-supervisor'));
    await supervisor.page.goto(clerk.page.url());
    await supervisor.page.getByText('高峰时段增开两个窗口', { exact: false }).waitFor();
    await supervisor.page.getByRole('button', { name: '办结工单' }).click();
    await supervisor.page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await supervisor.page.getByTestId('ticket-status').getByText('已办结').waitFor();
    await screenshot(supervisor.page, 'rating-ticket-closed');

    for (const v of [citizen, clerk, supervisor]) expect(v.errors).toEqual([]);
  }, 90_000);
});

describe('licence revocation in the pages', () => {
  it('a supervisor revokes a licence with a reason; anyone verifying it then sees 已撤销 and why', async () => {
    const citizenToken = await pages.system.login('citizen1');
    const clerkToken = await pages.system.login('clerk.market-regulation');
    const created = await applyForFoodLicence(citizenToken, 80.0);
    let taskId: string | undefined;
    await expect.poll(async () => (taskId = (await pages.system.http().get(`/api/tasks?caseId=${created.id}`).set(auth(clerkToken)).expect(200)).body.items[0]?.id), { timeout: 15_000 }).toBeDefined();
    await pages.system.http().post(`/api/tasks/${encodeURIComponent(taskId!)}/decision`).set(auth(clerkToken)).send({ action: 'accept' }).expect(200);
    let code: string | undefined;
    await expect.poll(async () => (code = (await pages.system.http().get(`/api/cases/${created.id}`).set(auth(citizenToken))).body.certificates?.[0]?.code), { timeout: 15_000 }).toBeDefined();

    const supervisor = await pages.person('supervisor');
    onTestFailed(() => screenshot(supervisor.page, 'failed-revoke'));
    await supervisor.page.goto(`/verify/${code}`);
    await supervisor.page.getByText('证照真实有效').waitFor();
    await supervisor.page.getByRole('button', { name: '撤销证照' }).click();
    const dialog = supervisor.page.getByRole('dialog');
    await field(dialog, '撤销原因').fill('经核查，申请人告知承诺内容与实际不符');
    await dialog.getByRole('button', { name: '撤销证照' }).click();
    await supervisor.page.getByTestId('verify-result').getByText('证照已撤销').waitFor();
    // The dialog closes, and a revoked licence offers no second revocation.
    await expect.poll(() => supervisor.page.getByRole('button', { name: '撤销证照' }).count()).toBe(0);

    const anyone = await pages.person(null);
    onTestFailed(() => screenshot(anyone.page, 'failed-verify-revoked'));
    await anyone.page.goto(`/verify/${code}`);
    await anyone.page.getByTestId('verify-result').getByText('证照已撤销').waitFor();
    await anyone.page.getByTestId('verify-result').getByText('撤销原因：经核查，申请人告知承诺内容与实际不符').waitFor();
    await screenshot(anyone.page, 'verify-revoked');
    expect(await anyone.page.getByRole('button', { name: '撤销证照' }).count()).toBe(0);

    for (const v of [supervisor, anyone]) expect(v.errors).toEqual([]);
  }, 90_000);
});
