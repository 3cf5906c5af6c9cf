import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';
import { ClsService } from 'nestjs-cls';
import { decoratedMethods } from '../discovery/decorated-methods.js';
import { runObserved } from '../observability/job-observer.js';
import { JOB_HANDLER } from './job-handler.decorator.js';
import { JobName, type JobItem } from './queue-names.js';

type Handler = (data: unknown, job: Job) => Promise<unknown>;

/** Which job names lack a handler and which have more than one; both are start-up failures. */
export function handlerProblems(expected: readonly string[], found: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const name of expected) {
    const owners = found.get(name) ?? [];
    if (owners.length === 0) problems.push(`job "${name}" has no handler`);
    if (owners.length > 1) problems.push(`job "${name}" has ${owners.length} handlers: ${owners.join(', ')}`);
  }
  for (const name of found.keys()) {
    if (!expected.includes(name)) problems.push(`handler for unknown job "${name}" (add it to JobName)`);
  }
  return problems;
}

/** Finds every @JobHandler method and checks that each job name has exactly one. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly cls: ClsService,
  ) {}

  onModuleInit(): void {
    const owners = new Map<string, string[]>();
    for (const { owner, metadata: name, method } of decoratedMethods<string, Handler>({ discovery: this.discovery, scanner: this.scanner, reflector: this.reflector }, JOB_HANDLER)) {
      owners.set(name, [...(owners.get(name) ?? []), owner]);
      this.handlers.set(name, method);
    }
    const problems = handlerProblems(Object.values(JobName), owners);
    if (problems.length > 0) throw new Error(`Job handlers are inconsistent:\n  - ${problems.join('\n  - ')}`);
    this.logger.log(`${this.handlers.size} job handlers registered`);
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler for job "${job.name}"`);
    // Handlers use @Transactional(), which needs a CLS context; a job has no HTTP request to carry one.
    return runObserved(job, this.logger, () => this.cls.run(() => handler(job.data as JobItem['data'], job)));
  }
}
