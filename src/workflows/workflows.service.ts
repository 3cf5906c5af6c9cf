import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { JsonSchema } from '@app/rules';
import { definitionGraph, parseDefinition, validateDefinition, type DefinitionError, type ParseResult, type WorkflowDefinition } from '@app/workflow-engine';
import { CatalogService } from '../catalog/catalog.service.js';
import { DatabaseNotifications } from '../database/database-notifications.js';
import { badRequest, conflict, notFound } from '../http/problem.js';
import type { ValidationResultView, WorkflowGraphView, WorkflowVersionRef, WorkflowView } from './workflow.dto.js';
import { workflowRuleChecker } from './workflow-rules.js';
import { WorkflowVersion } from './workflow-version.entity.js';
import { ClockService } from '../time/clock.service.js';

/** Channel of `pg_notify(WORKFLOW_PUBLISHED, key)`, sent in the transaction that publishes a version. */
export const WORKFLOW_PUBLISHED = 'ywtb_workflow_published';

/** How long a process starts cases on the published version it knows without hearing of a new one (a lost listening connection). */
const PUBLISHED_TRUST_MS = 5_000;

/** Workflow definitions as versioned data: validate, save drafts, publish, read. */
@Injectable()
export class WorkflowsService implements OnApplicationBootstrap {
  /** The published version per key, as every submission needs it; forgotten when any process publishes. */
  private readonly publishedVersions = new Map<string, { version: number; definition: WorkflowDefinition; until: number }>();
  /** Raised by every announced publication: a version read before it must not be kept. */
  private generation = 0;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly catalog: CatalogService,
    private readonly clock: ClockService,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notifications.listen(WORKFLOW_PUBLISHED, { notified: () => this.forgetPublished(), missed: () => this.forgetPublished() });
  }

  private forgetPublished(): void {
    this.generation++;
    this.publishedVersions.clear();
  }

  private get versions() {
    return this.txHost.tx.getRepository(WorkflowVersion);
  }

  /**
   * Validates against the live catalogue: departments that exist, and rules type-checked against the
   * form schema of the service item the definition names (plus the applicant's facts).
   */
  async check(input: unknown): Promise<ParseResult> {
    const parsed = parseDefinition(input);
    // Not a definition with mistakes but a hostile or foreign document: refused on every route, validate included.
    if (!parsed.ok && parsed.errors.some((error) => error.code === 'definition.unsafe_yaml')) {
      throw badRequest('workflow.unsafe_yaml', 'The YAML is more than plain data (tags, or aliases that expand too far).', [...parsed.errors]);
    }
    if (!parsed.ok) return parsed;
    const departments = await this.catalog.departmentCodes();
    let formSchema: JsonSchema | null = null;
    const itemErrors: DefinitionError[] = [];
    if (parsed.definition.serviceItem !== undefined) {
      const item = await this.catalog.itemOrNull(parsed.definition.serviceItem);
      if (item) formSchema = item.formSchema as JsonSchema;
      else itemErrors.push({ path: '$.serviceItem', message: `unknown service item "${parsed.definition.serviceItem}"`, code: 'definition.unknown_service_item' });
    }
    const result = validateDefinition(parsed.definition, { departments, rules: workflowRuleChecker(formSchema) });
    if (itemErrors.length === 0) return result;
    return { ok: false, errors: [...itemErrors, ...(result.ok ? [] : result.errors)] };
  }

  async validate(input: unknown): Promise<ValidationResultView> {
    const result = await this.check(input);
    return result.ok ? { valid: true } : { valid: false, errors: [...result.errors] };
  }

  @Transactional()
  async createDraft(input: unknown, actorId: string): Promise<WorkflowVersionRef> {
    const definition = this.orThrow(await this.check(input));
    // Serialise version numbering per key: two drafts saved at once must not both become version n.
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`workflow:${definition.key}`]);
    const latest = await this.versions.maximum('version', { key: definition.key });
    const version = (latest ?? 0) + 1;
    await this.versions.save(this.versions.create({
      key: definition.key,
      version,
      name: definition.name,
      status: 'draft',
      document: definition as unknown as Record<string, unknown>,
      serviceItemCode: definition.serviceItem ?? null,
      createdBy: actorId,
    }));
    return { key: definition.key, version, status: 'draft' };
  }

  /** Publishing re-validates (departments or the item's form may have changed since the draft) and supersedes the previous version. */
  @Transactional()
  async publish(key: string, version: number, actorId: string): Promise<WorkflowVersionRef> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`workflow:${key}`]);
    const target = await this.findVersion(key, version);
    if (target.status === 'published') return { key, version, status: 'published' };
    if (target.status === 'superseded') {
      throw conflict('workflow.superseded', `Version ${version} of "${key}" was superseded; save it again as a new draft to publish it.`);
    }
    this.orThrow(await this.check(target.document));
    const now = this.clock.now();
    await this.versions.update({ key, status: 'published' }, { status: 'superseded', supersededAt: now });
    await this.versions.update({ key, version }, { status: 'published', publishedAt: now, publishedBy: actorId });
    // Every process starts new cases on this version once it commits.
    await this.txHost.tx.query('SELECT pg_notify($1, $2)', [WORKFLOW_PUBLISHED, key]);
    return { key, version, status: 'published' };
  }

  /** `drafts: false` (the public's view) leaves out versions never published. */
  async describe(key: string, { drafts }: { drafts: boolean }): Promise<WorkflowView> {
    const versions = (await this.versions.find({ where: { key }, order: { version: 'ASC' } })).filter((v) => drafts || v.status !== 'draft');
    if (versions.length === 0) throw notFound('workflow.not_found', `There is no workflow "${key}".`);
    return {
      key,
      name: versions[versions.length - 1]!.name,
      versions: versions.map((v) => ({ version: v.version, status: v.status, publishedAt: v.publishedAt, createdAt: v.createdAt })),
    };
  }

  async list(): Promise<{ items: WorkflowView[] }> {
    const versions = await this.versions.find({ order: { key: 'ASC', version: 'ASC' } });
    const byKey = new Map<string, WorkflowVersion[]>();
    for (const v of versions) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
    return {
      items: [...byKey].map(([key, list]) => ({
        key,
        name: list[list.length - 1]!.name,
        versions: list.map((v) => ({ version: v.version, status: v.status, publishedAt: v.publishedAt, createdAt: v.createdAt })),
      })),
    };
  }

  async document(key: string, version: number, { drafts }: { drafts: boolean }): Promise<Record<string, unknown>> {
    const found = await this.findVersion(key, version);
    if (!drafts && found.status === 'draft') throw notFound('workflow.version_not_found', `Workflow "${key}" has no version ${version}.`);
    return found.document;
  }

  async graph(key: string, version: number): Promise<WorkflowGraphView> {
    const parsed = parseDefinition((await this.findVersion(key, version)).document);
    if (!parsed.ok) throw conflict('workflow.unreadable', 'The stored definition no longer parses.');
    const graph = definitionGraph(parsed.definition);
    return { nodes: [...graph.nodes], edges: [...graph.edges] };
  }

  /** The published definition of a key, for starting a new case on it. */
  async published(key: string): Promise<{ version: number; definition: WorkflowDefinition }> {
    const known = this.publishedVersions.get(key);
    if (known && performance.now() < known.until) return known;
    const generation = this.generation;
    const row = await this.versions.findOneBy({ key, status: 'published' });
    if (!row) throw notFound('workflow.not_published', `Workflow "${key}" has no published version.`);
    const answer = { version: row.version, definition: this.definitionOf(row) };
    if (generation === this.generation) this.publishedVersions.set(key, { ...answer, until: performance.now() + PUBLISHED_TRUST_MS });
    return answer;
  }

  /** A stored version, for a case that started on it (it keeps its version after newer ones are published). */
  async definitionAt(key: string, version: number): Promise<WorkflowDefinition> {
    return this.definitionOf(await this.findVersion(key, version));
  }

  /** A stored version with its status (a draft, the published one, or one superseded), for moving cases between versions. */
  async versionAt(key: string, version: number): Promise<{ status: WorkflowVersion['status']; definition: WorkflowDefinition }> {
    const row = await this.findVersion(key, version);
    return { status: row.status, definition: this.definitionOf(row) };
  }

  private definitionOf(row: WorkflowVersion): WorkflowDefinition {
    const parsed = parseDefinition(row.document);
    if (!parsed.ok) throw conflict('workflow.unreadable', `Stored workflow ${row.key} v${row.version} no longer parses.`);
    return parsed.definition;
  }

  private async findVersion(key: string, version: number): Promise<WorkflowVersion> {
    const row = await this.versions.findOneBy({ key, version });
    if (!row) throw notFound('workflow.version_not_found', `Workflow "${key}" has no version ${version}.`);
    return row;
  }

  private orThrow(result: ParseResult): WorkflowDefinition {
    if (result.ok) return result.definition;
    throw badRequest('workflow.invalid', `The definition has ${result.errors.length} problem(s).`, [...result.errors]);
  }
}
