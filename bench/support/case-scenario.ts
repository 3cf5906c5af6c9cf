import { randomUUID } from 'node:crypto';
import type { HttpClient } from './http-client.js';

/**
 * The cases the bench drives, made through the admin API as an operator would, and the people who drive
 * them over HTTP: citizens submitting, clerks working their department's queue.
 */

interface ServiceItemView {
  code: string;
  name: string;
  departmentCode: string;
  statutoryDays: number;
  promisedDays: number;
  materials: { key: string; name: string; required: boolean; tolerant: boolean }[];
  formSchema: { properties: Record<string, { examples: unknown[] }> };
  workflowKey: string;
}

interface Step {
  id: string;
  type: string;
  outcomes: Record<string, unknown>;
}

export interface BenchItem {
  code: string;
  form: Record<string, unknown>;
  materials: { key: string; fileId: string }[];
}

/** The seeded 就业创业证申领: 秒批 for citizen1 once a clerk has accepted the application. */
const EMPLOYMENT_CARD = '2201-RS-0001';
export const JOINT_DEPARTMENT = 'market-regulation';
export const JOINT_PARTICIPANTS = ['fire-rescue', 'health', 'urban-management'];

/** Publishes a definition through the API: draft, then publish. */
async function publish(client: HttpClient, admin: string, definition: Record<string, unknown>): Promise<void> {
  const draft = await client.expect<{ version: number }>(201, 'POST', '/api/workflows', { token: admin, body: definition });
  await client.expect(200, 'POST', `/api/workflows/${definition.key as string}/versions/${draft.version}/publish`, { token: admin });
}

/** A small valid PDF: uploads are checked by content. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** One upload per required material, reused by every application (as the same person's documents would be). */
async function materialsFor(client: HttpClient, citizen: string, item: Pick<ServiceItemView, 'materials'>): Promise<BenchItem['materials']> {
  const materials = [];
  for (const material of item.materials.filter((m) => m.required)) {
    materials.push({ key: material.key, fileId: await client.upload(citizen, `${material.key}.pdf`, 'application/pdf', PDF) });
  }
  return materials;
}

const exampleForm = (item: Pick<ServiceItemView, 'formSchema'>) =>
  Object.fromEntries(Object.entries(item.formSchema.properties).map(([key, property]) => [key, property.examples[0]]));

/**
 * 就业创业证申领 with its 秒批 check as the first step: a definition whose first step offers no `accept` is
 * accepted on submission, so the case runs rule → licence → approved with no person involved.
 */
export async function instantItem(client: HttpClient, admin: string, citizen: string): Promise<BenchItem> {
  const seeded = await client.expect<ServiceItemView>(200, 'GET', `/api/service-items/${EMPLOYMENT_CARD}`);
  const seededFlow = await client.expect<{ versions: { version: number; status: string }[] }>(200, 'GET', `/api/workflows/${seeded.workflowKey}`, { token: admin });
  const published = seededFlow.versions.find((v) => v.status === 'published')!.version;
  const document = await client.expect<{ steps: Step[]; limits: unknown }>(200, 'GET', `/api/workflows/${seeded.workflowKey}/versions/${published}`, { token: admin });
  const steps = document.steps.filter((step) => step.id !== 'accept');
  if (steps[0]?.type !== 'auto') throw new Error(`${EMPLOYMENT_CARD}'s workflow no longer has an auto step after acceptance`);

  const code = 'BENCH-RS-0001';
  const key = 'bench-instant-employment-card';
  const { code: _code, workflowKey: _key, ...fields } = seeded;
  await client.expect(201, 'POST', '/api/service-items', { token: admin, body: { ...fields, code, name: `${seeded.name}（秒批）`, workflowKey: key } });
  await publish(client, admin, { key, name: `${seeded.name}（秒批）`, serviceItem: code, limits: document.limits, steps });
  return { code, form: exampleForm(seeded), materials: await materialsFor(client, citizen, seeded) };
}

/** accept → review → 联办 of three departments (all must approve) → licence: the whole path a clerk and three departments drive. */
export async function jointItem(client: HttpClient, admin: string, citizen: string): Promise<BenchItem> {
  const code = 'BENCH-SC-0001';
  const key = 'bench-review-joint-licence';
  const queue = { department: JOINT_DEPARTMENT, role: 'clerk' };
  const item = {
    code,
    name: '联办基准事项',
    departmentCode: JOINT_DEPARTMENT,
    statutoryDays: 20,
    promisedDays: 10,
    materials: [{ key: 'applicantIdCard', name: '申请人居民身份证', required: true, tolerant: false }],
    formSchema: { type: 'object', required: ['shopName'], properties: { shopName: { type: 'string', minLength: 2, examples: ['福顺家常菜'] } } },
    workflowKey: key,
    // 实施清单 (every item write carries them).
    itemType: 'promised',
    subjectTypes: ['enterprise'],
    legalBasis: ['《中华人民共和国行政许可法》第十二条'],
    fee: { free: true },
    location: '长春市南关区政务服务中心综合窗口',
    officeHours: '工作日 8:30—11:30，13:00—17:00',
    consultPhone: '12345',
    complaintPhone: '12345',
    onlineDepth: 'online-acceptance',
  };
  await client.expect(201, 'POST', '/api/service-items', { token: admin, body: item });
  await publish(client, admin, {
    key,
    name: '联办基准流程',
    serviceItem: code,
    limits: { statutoryDays: 20, promisedDays: 10 },
    steps: [
      { id: 'accept', type: 'review', queue, sla: { workingDays: 1 }, outcomes: { accept: 'review', refuse: 'end:refused' } },
      { id: 'review', type: 'review', queue, sla: { workingDays: 2 }, outcomes: { approve: 'joint', reject: 'end:rejected' } },
      { id: 'joint', type: 'joint', participants: JOINT_PARTICIPANTS, join: 'all', sla: { workingDays: 5 }, outcomes: { approve: 'issue', reject: 'end:rejected' } },
      { id: 'issue', type: 'certificate', certificate: { name: '联办许可证' }, outcomes: { done: 'end:approved' } },
    ],
  });
  return { code, form: exampleForm(item), materials: await materialsFor(client, citizen, item) };
}

export interface SubmissionStats {
  submitted: number;
  failed: number;
}

/**
 * `submitters` citizens applying one after another, each as soon as the previous application was
 * accepted by the API, until `enough()` says stop (time up, or a count reached).
 */
export async function submit(client: HttpClient, citizen: string, item: BenchItem, submitters: number, enough: (submitted: number) => boolean): Promise<SubmissionStats> {
  const stats: SubmissionStats = { submitted: 0, failed: 0 };
  let started = 0;
  const submitter = async () => {
    while (!enough(started)) {
      started += 1;
      const reply = await client.send('POST', '/api/cases', {
        token: citizen,
        headers: { 'idempotency-key': `bench-${randomUUID()}` },
        body: { serviceItemCode: item.code, form: item.form, materials: item.materials },
      });
      if (reply.status === 201) stats.submitted += 1;
      else if (++stats.failed > 20) throw new Error(`submissions fail: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
  };
  await Promise.all(Array.from({ length: submitters }, submitter));
  return stats;
}

interface TaskView {
  id: string;
  stepId: string;
}

/** A department's clerk working their queue: list the open tasks, decide each, list again. */
export class ClerkDesk {
  lists = 0;
  emptyLists = 0;
  decided = 0;
  conflicts = 0;

  constructor(
    private readonly client: HttpClient,
    private readonly token: string,
    /** The action this clerk takes at a step; null leaves the task alone. */
    private readonly actionAt: (stepId: string) => string | null,
    private readonly parallel: number,
  ) {}

  /** The open tasks of the queue this clerk acts on. */
  async list(): Promise<TaskView[]> {
    const page = await this.client.expect<{ items: TaskView[] }>(200, 'GET', '/api/tasks?status=open&limit=200', { token: this.token });
    this.lists += 1;
    const tasks = page.items.filter((task) => this.actionAt(task.stepId) !== null);
    if (tasks.length === 0) this.emptyLists += 1;
    return tasks;
  }

  async work(done: () => boolean): Promise<void> {
    while (!done()) {
      const tasks = await this.list();
      if (tasks.length === 0) {
        // Nothing in the queue yet: a clerk looks again shortly (these lists are the "polling" the per-case counts leave out).
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      let next = 0;
      const hand = async () => {
        while (next < tasks.length) await this.decide(tasks[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(this.parallel, tasks.length) }, hand));
    }
  }

  private async decide(task: TaskView): Promise<void> {
    const reply = await this.client.send('POST', `/api/tasks/${encodeURIComponent(task.id)}/decision`, { token: this.token, body: { action: this.actionAt(task.stepId) } });
    if (reply.status === 200) this.decided += 1;
    // Decided meanwhile, or the case moved on: the next list tells.
    else if (reply.status === 409) this.conflicts += 1;
    else throw new Error(`decision on ${task.id}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }
}

/** The clerks a review + 联办 case needs: the receiving department (accept, then approve) and each participant (approve). */
export async function jointDesks(client: HttpClient, password: string, parallel: number): Promise<ClerkDesk[]> {
  const desks = [new ClerkDesk(client, await client.login(`clerk.${JOINT_DEPARTMENT}`, password), (step) => (step === 'accept' ? 'accept' : step === 'review' ? 'approve' : null), parallel)];
  for (const department of JOINT_PARTICIPANTS) {
    desks.push(new ClerkDesk(client, await client.login(`clerk.${department}`, password), (step) => (step === 'joint' ? 'approve' : null), parallel));
  }
  return desks;
}
