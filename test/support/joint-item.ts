import { randomUUID } from 'node:crypto';
import { exampleForm, requiredMaterials, serviceItem } from './applicant.js';
import { auth, decide, waitForTask } from './drive.js';
import type { TestSystem } from './system.js';
import { GUIDE } from './guide.js';

export const PARTICIPANTS = ['fire-rescue', 'health', 'urban-management'];

/**
 * A service item of the test's own (so no other test's cases disturb it) with one required material and
 * a workflow of `steps` (the first is an `accept` review in market-regulation).
 */
export async function itemWithSteps(system: TestSystem, admin: string, label: string, steps: unknown[]): Promise<string> {
  const code = `${label.slice(0, 1).toUpperCase()}-${randomUUID().slice(0, 6)}`;
  const key = `${label}-${randomUUID().slice(0, 8)}`;
  await system
    .http()
    .post('/api/service-items')
    .set(auth(admin))
    .send({
      code,
      name: `${label}测试 ${code}`,
      departmentCode: 'market-regulation',
      statutoryDays: 20,
      promisedDays: 10,
      materials: [{ key: 'applicantIdCard', name: '申请人身份证', required: true, tolerant: false }],
      formSchema: { type: 'object', required: ['shopName'], properties: { shopName: { type: 'string', minLength: 2, examples: ['福顺家常菜'] } } },
      workflowKey: key,
      ...GUIDE,
    })
    .expect(201);
  const definition = { key, name: `${label}测试流程`, serviceItem: code, limits: { statutoryDays: 20, promisedDays: 10 }, steps };
  const draft = (await system.http().post('/api/workflows').set(auth(admin)).send(definition).expect(201)).body;
  await system.http().post(`/api/workflows/${key}/versions/${draft.version}/publish`).set(auth(admin)).expect(200);
  return code;
}

/** accept in market-regulation → joint step of PARTICIPANTS with `join` → a licence. */
export function itemWithJoint(system: TestSystem, admin: string, join: unknown = 'all'): Promise<string> {
  return itemWithSteps(system, admin, 'joint', [
    { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'joint', refuse: 'end:refused' } },
    { id: 'joint', type: 'joint', participants: PARTICIPANTS, join, sla: { workingDays: 5 }, outcomes: { approve: 'issue', reject: 'end:rejected' } },
    { id: 'issue', type: 'certificate', certificate: { name: '联办许可证' }, outcomes: { done: 'end:approved' } },
  ]);
}

/** A citizen applies for `code` with its example form and required materials; answers the case id. */
export async function submitCase(system: TestSystem, citizen: string, code: string): Promise<string> {
  const item = await serviceItem(system, code);
  const { body } = await system
    .http()
    .post('/api/cases')
    .set(auth(citizen))
    .send({ serviceItemCode: code, form: exampleForm(item), materials: await requiredMaterials(system, citizen, item) })
    .expect(201);
  return body.id as string;
}

/** A citizen applies for `code` and market-regulation accepts; answers the case id. */
export async function submitAndAccept(system: TestSystem, citizen: string, code: string): Promise<string> {
  const id = await submitCase(system, citizen, code);
  const accept = await waitForTask(system, 'market-regulation', id, 'accept');
  await decide(system, 'market-regulation', accept.id, { action: 'accept' });
  return id;
}
