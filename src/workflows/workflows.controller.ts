import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IntParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { CurrentUser, Public, Roles, isStaff, type Caller } from '../auth/auth.decorators.js';
import { ValidationResultView, WorkflowGraphView, WorkflowList, WorkflowVersionRef, WorkflowView } from './workflow.dto.js';
import { WorkflowsService } from './workflows.service.js';


const DEFINITION_BODY = {
  description: 'A workflow definition: JSON, or YAML text with Content-Type application/yaml',
  schema: { type: 'object', additionalProperties: true, example: { key: 'demo', name: '示例', steps: [{ id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'end:approved', refuse: 'end:refused' } }] } },
};

/**
 * Definitions are free-form documents checked by the engine's validator (errors carry JSON paths), so
 * the body is not a class-validator DTO.
 */
@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Post('validate')
  @HttpCode(200)
  @Roles('admin')
  @ApiBody(DEFINITION_BODY)
  @ApiOkResponse({ type: ValidationResultView })
  @ApiOperation({ summary: 'Validate a definition (JSON or YAML) without storing it' })
  @Problems({ 400: ['workflow.unsafe_yaml'] })
  validate(@Body() body: unknown): Promise<ValidationResultView> {
    return this.workflows.validate(body);
  }

  @Post()
  @Roles('admin')
  @ApiBody(DEFINITION_BODY)
  @ApiCreatedResponse({ type: WorkflowVersionRef })
  @ApiOperation({ summary: 'Store a definition as a new draft version' })
  @Problems({ 400: ['workflow.invalid', 'workflow.unsafe_yaml'] })
  create(@Body() body: unknown, @CurrentUser() caller: Caller): Promise<WorkflowVersionRef> {
    return this.workflows.createDraft(body, caller.id);
  }

  @Post(':key/versions/:version/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: WorkflowVersionRef })
  @ApiOperation({ summary: 'Publish a draft version; the version published before is superseded' })
  @Problems({ 400: ['workflow.invalid'], 404: ['workflow.version_not_found'], 409: ['workflow.superseded'] })
  publish(@Param('key') key: string, @Param('version', IntParamPipe) version: number, @CurrentUser() caller: Caller): Promise<WorkflowVersionRef> {
    return this.workflows.publish(key, version, caller.id);
  }

  @Get()
  @Roles('admin', 'supervisor', 'clerk')
  @ApiOkResponse({ type: WorkflowList })
  @ApiOperation({ summary: 'Every workflow definition with its versions' })
  list(): Promise<WorkflowList> {
    return this.workflows.list();
  }

  // The process of a service is public (办事流程 is part of every 办事指南): anyone reads the versions that
  // were published; drafts stay with the staff.
  @Get(':key')
  @Public()
  @ApiOperation({ summary: 'A definition and its versions; anonymous callers and citizens see published and superseded versions only' })
  @ApiOkResponse({ type: WorkflowView })
  @Problems({ 404: ['workflow.not_found'] })
  describe(@Param('key') key: string, @CurrentUser() caller: Caller | undefined): Promise<WorkflowView> {
    return this.workflows.describe(key, { drafts: isStaff(caller) });
  }

  @Get(':key/versions/:version')
  @Public()
  @ApiOperation({ summary: 'The definition document of one version; a draft only for staff (404 otherwise)' })
  @ApiOkResponse({ description: 'the definition document itself (docs/cases.md)', schema: { type: 'object', additionalProperties: true } })
  @Problems({ 404: ['workflow.version_not_found'] })
  document(@Param('key') key: string, @Param('version', IntParamPipe) version: number, @CurrentUser() caller: Caller | undefined): Promise<Record<string, unknown>> {
    return this.workflows.document(key, version, { drafts: isStaff(caller) });
  }

  @Get(':key/versions/:version/graph')
  @Roles('admin', 'supervisor', 'clerk')
  @ApiOkResponse({ type: WorkflowGraphView })
  @ApiOperation({ summary: 'The steps and transitions of one version, for drawing' })
  @Problems({ 404: ['workflow.version_not_found'], 409: ['workflow.unreadable'] })
  graph(@Param('key') key: string, @Param('version', IntParamPipe) version: number): Promise<WorkflowGraphView> {
    return this.workflows.graph(key, version);
  }
}
