import { describe, expect, it, onTestFailed } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from '../support/applicant.js';
import { auth, decide, waitForTask } from '../support/drive.js';
import { field, pagesUnderTest, screenshot, signIn } from './browser.js';

/** Issue #19 in the pages: a 告知承诺 check in the fire-rescue clerk's workbench, recorded as a false commitment. */

const pages = pagesUnderTest();

describe('告知承诺 checks in the pages', () => {
  it('the clerk finds the check under the queue and records a false commitment; the licence then verifies as revoked', async () => {
    const citizen = await pages.system.login('citizen1');
    const item = await serviceItem(pages.system, '2201-XF-0001');
    const { body: created } = await pages.system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item, { commitmentMode: true }), materials: await requiredMaterials(pages.system, citizen, item) }).expect(201);
    await decide(pages.system, 'fire-rescue', (await waitForTask(pages.system, 'fire-rescue', created.id, 'accept')).id, { action: 'accept' });
    let code: string | undefined;
    await expect.poll(async () => (code = (await pages.system.http().get(`/api/cases/${created.id}`).set(auth(citizen))).body.certificates?.[0]?.code), { timeout: 20_000 }).toBeDefined();

    const clerk = await pages.person(null);
    onTestFailed(() => screenshot(clerk.page, 'failed-commitment-check'));
    await signIn(clerk.page, 'clerk.fire-rescue');
    await clerk.page.goto('/workbench');
    const panel = clerk.page.getByTestId('commitment-checks');
    await panel.getByRole('heading', { name: '告知承诺核查' }).waitFor();
    await panel.getByRole('cell', { name: created.caseNo, exact: true }).waitFor();
    await panel.getByRole('button', { name: `承诺不实… ${created.caseNo}` }).click();
    const dialog = clerk.page.getByRole('dialog');
    await field(dialog, '核查发现（撤销理由）').fill('现场核查：安全出口被锁闭，与承诺不符');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => panel.getByRole('cell', { name: created.caseNo, exact: true }).count(), { timeout: 10_000 }).toBe(0);
    await screenshot(clerk.page, 'commitment-check-decided');

    await clerk.page.goto(`/verify/${code}`);
    await clerk.page.getByTestId('verify-result').getByText('证照已撤销').waitFor();
    await clerk.page.getByTestId('verify-result').getByText(/安全出口被锁闭/).waitFor();
    expect(clerk.errors).toEqual([]);
  }, 90_000);
});
