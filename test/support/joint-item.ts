import { randomUUID } from 'node:crypto';
import { auth } from './drive.js';
import type { TestSystem } from './system.js';

export const PARTICIPANTS = ['fire-rescue', 'health', 'urban-management'];

/**
 * A service item of the test's own (so no other test's cases disturb it) whose workflow is:
 * accept in market-regulation → joint step of PARTICIPANTS with `join` → a licence.
 */
export async function itemWithJoint(system: TestSystem, admin: string, join: unknown = 'all'): Promise<string> {
  const code = `J-${randomUUID().slice(0, 6)}`;
  const key = `joint-${randomUUID().slice(0, 8)}`;
  await system
    .http()
    .post('/api/service-items')
    .set(auth(admin))
    .send({
      code,
      name: `联办测试 ${code}`,
      departmentCode: 'market-regulation',
      statutoryDays: 20,
      promisedDays: 10,
      materials: [{ key: 'applicantIdCard', name: '申请人身份证', required: true, tolerant: false }],
      formSchema: { type: 'object', required: ['shopName'], properties: { shopName: { type: 'string', minLength: 2, examples: ['福顺家常菜'] } } },
      workflowKey: key,
    })
    .expect(201);
  const definition = {
    key,
    name: '联办测试流程',
    serviceItem: code,
    limits: { statutoryDays: 20, promisedDays: 10 },
    steps: [
      { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'joint', refuse: 'end:refused' } },
      { id: 'joint', type: 'joint', participants: PARTICIPANTS, join, sla: { workingDays: 5 }, outcomes: { approve: 'issue', reject: 'end:rejected' } },
      { id: 'issue', type: 'certificate', certificate: { name: '联办许可证' }, outcomes: { done: 'end:approved' } },
    ],
  };
  const draft = (await system.http().post('/api/workflows').set(auth(admin)).send(definition).expect(201)).body;
  await system.http().post(`/api/workflows/${key}/versions/${draft.version}/publish`).set(auth(admin)).expect(200);
  return code;
}
