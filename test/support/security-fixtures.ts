import { randomInt, randomUUID } from 'node:crypto';
import { headersOf, OWNING_DEPARTMENT, type Actor, type Actors } from './actors.js';
import { upload } from './applicant.js';
import type { TestSystem } from './system.js';
import { GUIDE } from './guide.js';

/**
 * One of everything a caller can ask for by id, made through the API as people would: citizen1's cases
 * in market-regulation (one with an open task and a risk flag, one to withdraw, one finished with a
 * licence), his files, notifications, a benefit grant and the review of it, and what staff create.
 */
export interface SecurityFixtures {
  serviceItemCode: string;
  otherServiceItemCode: string;
  bundleCode: string;
  workflowKey: string;
  /** A draft of the workflow (version 2), for publishing. */
  draftVersion: number;
  /** A second draft that no rule publishes: what the public must not read. */
  unpublishedDraftVersion: number;
  /** Open, in its second correction round answered: an open accept task and a `repeated_corrections` flag. */
  caseId: string;
  taskId: string;
  flagId: string;
  caseToWithdrawId: string;
  /** Approved, with a licence. */
  finishedCaseId: string;
  certificateCode: string;
  /** Uploaded by citizen1 and named by his case. */
  attachedFileId: string;
  /** Uploaded by citizen1 and named by no case. */
  loneFileId: string;
  /** citizen1's in-app notifications (the licence code among them). */
  notificationIds: string[];
  /** A webhook the admin registered (a public documentation address: nothing answers there). */
  webhookId: string;
  /** A policy of the owning department that granted citizen1 something, and the review opened when he stopped qualifying. */
  policyCode: string;
  grantId: string;
  reviewId: string;
  importId: string;
  runId: string;
  scanId: string;
  /** A staff account the admin made. */
  staffUserId: string;
  /** citizen1's ID number, as the registry holds it: staff look registry changes up by it. */
  idNumber: string;
  /** What only citizen1 may see whole: his ID number and the phones the registry had for him. */
  personalData: string[];
}

const CITIZEN1_ID_NUMBER = '220102198503141231';

/** The registry line of citizen1 (张伟, as seeded), living in `district`, with a phone of this run. */
const citizen1Line = (district: string, phone: string) => ({
  idNumber: CITIZEN1_ID_NUMBER,
  name: '张伟',
  gender: 'M',
  birthDate: '1985-03-14',
  hukouDistrict: district,
  disabilityLevel: 0,
  monthlyIncome: 6800,
  householdSize: 3,
  phone,
});

/** A mobile number no seed or example uses. */
const randomPhone = () => `139${randomInt(10_000_000, 100_000_000)}`;

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function buildFixtures(system: TestSystem, actors: Actors): Promise<SecurityFixtures> {
  const call = (actor: Actor) => ({
    get: (url: string) => system.http().get(url).set(headersOf(actor)),
    post: (url: string, body: unknown = {}) => system.http().post(url).set(headersOf(actor)).send(body as object),
  });
  const { citizen, clerk, supervisor, admin } = actors;

  // The catalogue: two items of the owning department on one workflow, and a bundle of both.
  const workflowKey = unique('authz');
  const [serviceItemCode, otherServiceItemCode] = [unique('AZ'), unique('AZ')];
  for (const code of [serviceItemCode, otherServiceItemCode]) {
    await call(admin).post('/api/service-items', serviceItemBody(code, workflowKey)).expect(201);
  }
  const definition = workflowDefinition(workflowKey, serviceItemCode);
  const first = (await call(admin).post('/api/workflows', definition).expect(201)).body;
  await call(admin).post(`/api/workflows/${workflowKey}/versions/${first.version}/publish`).expect(200);
  const draftVersion = (await call(admin).post('/api/workflows', definition).expect(201)).body.version as number;
  const unpublishedDraftVersion = (await call(admin).post('/api/workflows', definition).expect(201)).body.version as number;
  const bundleCode = unique('authz-bundle');
  await call(admin).post('/api/bundles', { code: bundleCode, name: '授权测试套餐', serviceItemCodes: [serviceItemCode, otherServiceItemCode], failurePolicy: 'finish-rest' }).expect(201);

  // citizen1's cases.
  const attachedFileId = await upload(system, citizen.token!, 'idCard');
  const loneFileId = await upload(system, citizen.token!, 'lone');
  const apply = async (fileId: string) =>
    (await call(citizen).post('/api/cases', { serviceItemCode, form: { shopName: '福顺家常菜' }, materials: [{ key: 'idCard', fileId }] }).expect(201)).body.id as string;
  const caseId = await apply(attachedFileId);
  const caseToWithdrawId = await apply(await upload(system, citizen.token!, 'idCard'));
  const finishedCaseId = await apply(await upload(system, citizen.token!, 'idCard'));
  // One more open case, so that the queue has a second page to take a genuine cursor from.
  await apply(await upload(system, citizen.token!, 'idCard'));

  const openTask = (id: string) =>
    poll(async () => {
      const { body } = await call(clerk).get(`/api/tasks?caseId=${id}`).expect(200);
      return (body.items as { id: string; status: string }[]).find((t) => t.status === 'open')?.id;
    }, `an open task of case ${id}`);
  const decide = async (id: string, body: Record<string, unknown>) => {
    const taskId = await openTask(id);
    await call(clerk).post(`/api/tasks/${encodeURIComponent(taskId)}/decision`, body).expect(200);
  };

  // Two correction rounds, each answered: the case is open again at 受理 and flagged.
  for (const round of [1, 2]) {
    await decide(caseId, { action: 'correction', missing: [{ key: 'idCard', reason: `第${round}次：身份证复印件不清晰` }] });
    const fileId = await upload(system, citizen.token!, `idCard-${round}`);
    await call(citizen).post(`/api/cases/${caseId}/corrections`, { materials: [{ key: 'idCard', fileId }] }).expect(200);
  }
  const taskId = await openTask(caseId);
  const flagId = await poll(async () => {
    const { body } = await call(supervisor).get(`/api/risk-flags?caseId=${caseId}&kind=repeated_corrections`).expect(200);
    return (body.items as { id: string }[])[0]?.id;
  }, 'the repeated_corrections flag');

  await decide(finishedCaseId, { action: 'accept' });
  const certificateCode = await poll(async () => {
    const { body } = await call(citizen).get(`/api/cases/${finishedCaseId}`).expect(200);
    return (body.certificates as { code: string }[])[0]?.code;
  }, 'the licence of the finished case');

  // 免申即享: citizen1 qualifies under a policy of the owning department, then moves away and changes
  // his phone. The rule reads his name and phone, so the grant's explanation holds both.
  const policyCode = unique('authz-policy');
  const district = unique('授权测试区');
  const rule = `person.hukouDistrict == '${district}' && person.name != '' && person.phone != ''`;
  await call(admin).post('/api/benefit-policies', { code: policyCode, name: '授权测试补贴', subjectType: 'person', rule, amount: 100, period: 'once', departmentCode: OWNING_DEPARTMENT }).expect(201);
  const phones = [randomPhone(), randomPhone()];
  const importPerson = async (line: object) =>
    (await system.http().post('/api/registry/persons/import').set(headersOf(admin)).set('Content-Type', 'application/x-ndjson').send(JSON.stringify(line)).expect(200)).body
      .importId as string;
  const importId = await importPerson(citizen1Line(district, phones[0]!));
  const grantId = await poll(async () => {
    const { body } = await call(citizen).get('/api/my/benefits').expect(200);
    return (body.items as { id: string; policyCode: string }[]).find((g) => g.policyCode === policyCode)?.id;
  }, "citizen1's grant");
  await importPerson(citizen1Line(unique('别的区'), phones[1]!));
  const reviewId = await poll(async () => {
    const { body } = await call(clerk).get(`/api/benefit-reviews?policyCode=${policyCode}`).expect(200);
    return (body.items as { id: string }[])[0]?.id;
  }, 'the review of the grant');
  const runId = (await call(admin).post(`/api/benefit-policies/${policyCode}/runs`, { dryRun: true }).expect(202)).body.runId as string;

  const scanId = (await call(supervisor).post('/api/risk-monitor/scan').expect(202)).body.scanId as string;
  const staffUserId = (
    await call(admin).post('/api/users', { username: unique('authz.staff'), password: 'A-long-passphrase-2026', roles: ['clerk'], departmentCode: OWNING_DEPARTMENT, displayName: '测试员' }).expect(201)
  ).body.id as string;

  const notificationIds = await poll(async () => {
    const { body } = await call(citizen).get('/api/my/notifications?limit=200').expect(200);
    const items = body.items as { id: string; data: Record<string, unknown> }[];
    return items.some((n) => n.data.certificateCode === certificateCode) ? items.map((n) => n.id) : undefined;
  }, "citizen1's licence notification");
  const webhookId = (
    await call(admin).post('/api/webhooks', { url: 'http://203.0.113.10/ywtb-hooks', events: ['grant.created'], secret: 'authz-webhook-secret-2026' }).expect(201)
  ).body.id as string;

  return {
    serviceItemCode,
    otherServiceItemCode,
    bundleCode,
    workflowKey,
    draftVersion,
    unpublishedDraftVersion,
    caseId,
    taskId,
    flagId,
    caseToWithdrawId,
    finishedCaseId,
    certificateCode,
    attachedFileId,
    loneFileId,
    notificationIds,
    webhookId,
    policyCode,
    grantId,
    reviewId,
    importId,
    runId,
    scanId,
    staffUserId,
    idNumber: CITIZEN1_ID_NUMBER,
    personalData: [CITIZEN1_ID_NUMBER, ...phones],
  };
}

/** Asks `probe` until it finds something (workers carry part of the work), for at most 30 s. */
async function poll<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`fixtures: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function serviceItemBody(code: string, workflowKey: string) {
  return {
    code,
    name: `授权测试事项 ${code}`,
    departmentCode: OWNING_DEPARTMENT,
    statutoryDays: 20,
    promisedDays: 10,
    materials: [{ key: 'idCard', name: '身份证复印件', required: true, tolerant: false }],
    formSchema: { type: 'object', required: ['shopName'], properties: { shopName: { type: 'string', minLength: 2, examples: ['福顺家常菜'] } } },
    workflowKey,
    ...GUIDE,
  };
}

/** 受理 in the owning department (with corrections), then a licence. */
function workflowDefinition(key: string, serviceItemCode: string) {
  return {
    key,
    name: '授权测试流程',
    serviceItem: serviceItemCode,
    limits: { statutoryDays: 20, promisedDays: 10 },
    steps: [
      {
        id: 'accept',
        type: 'review',
        queue: { department: OWNING_DEPARTMENT, role: 'clerk' },
        outcomes: { accept: 'issue', correction: 'accept', refuse: 'end:refused' },
      },
      { id: 'issue', type: 'certificate', certificate: { name: '授权测试许可证' }, outcomes: { done: 'end:approved' } },
    ],
  };
}
