import { expect } from 'vitest';
import type { TestSystem } from './system.js';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface QueueTask {
  id: string;
  caseId: string;
  stepId: string;
  departmentCode: string;
  allowedActions: string[];
}

const tokens = new Map<string, string>();

/** The seeded clerk of a department (`clerk.<department>`), signed in once per system. */
export async function clerkOf(system: TestSystem, department: string): Promise<string> {
  const key = `${system.url}:${department}`;
  if (!tokens.has(key)) tokens.set(key, await system.login(`clerk.${department}`));
  return tokens.get(key)!;
}

export async function openTasksOf(system: TestSystem, department: string, caseId: string): Promise<QueueTask[]> {
  const { body } = await system.http().get(`/api/tasks?caseId=${caseId}&limit=200`).set(auth(await clerkOf(system, department))).expect(200);
  return body.items as QueueTask[];
}

export async function decide(system: TestSystem, department: string, taskId: string, body: Record<string, unknown>, status = 200) {
  return system
    .http()
    .post(`/api/tasks/${encodeURIComponent(taskId)}/decision`)
    .set(auth(await clerkOf(system, department)))
    .send(body)
    .expect(status);
}

/** Waits until `department` has an open task for the case (at `stepId`, if given). */
export async function waitForTask(system: TestSystem, department: string, caseId: string, stepId?: string): Promise<QueueTask> {
  let found: QueueTask | undefined;
  await expect
    .poll(async () => {
      found = (await openTasksOf(system, department, caseId)).find((t) => stepId === undefined || t.stepId === stepId);
      return found !== undefined;
    }, { timeout: 20_000, interval: 100 })
    .toBe(true);
  return found!;
}
