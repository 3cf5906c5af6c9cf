import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { ValidationResultView, WorkflowGraphView, WorkflowVersionRef, WorkflowView } from './workflow.dto.js';
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
  validate(@Body() body: unknown): Promise<ValidationResultView> {
    return this.workflows.validate(body);
  }

  @Post()
  @Roles('admin')
  @ApiBody(DEFINITION_BODY)
  @ApiCreatedResponse({ type: WorkflowVersionRef })
  create(@Body() body: unknown, @CurrentUser() caller: Caller): Promise<WorkflowVersionRef> {
    return this.workflows.createDraft(body, caller.id);
  }

  @Post(':key/versions/:version/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: WorkflowVersionRef })
  publish(@Param('key') key: string, @Param('version', ParseIntPipe) version: number, @CurrentUser() caller: Caller): Promise<WorkflowVersionRef> {
    return this.workflows.publish(key, version, caller.id);
  }

  @Get()
  @Roles('admin', 'supervisor', 'clerk')
  @ApiOkResponse({ description: '{ items: [{ key, name, versions }] }' })
  list(): Promise<{ items: WorkflowView[] }> {
    return this.workflows.list();
  }

  @Get(':key')
  @Roles('admin', 'supervisor', 'clerk')
  @ApiOkResponse({ type: WorkflowView })
  describe(@Param('key') key: string): Promise<WorkflowView> {
    return this.workflows.describe(key);
  }

  @Get(':key/versions/:version')
  @Roles('admin', 'supervisor', 'clerk')
  @ApiOkResponse({ description: 'the definition document itself' })
  document(@Param('key') key: string, @Param('version', ParseIntPipe) version: number): Promise<Record<string, unknown>> {
    return this.workflows.document(key, version);
  }

  @Get(':key/versions/:version/graph')
  @Roles('admin', 'supervisor', 'clerk')
  @ApiOkResponse({ type: WorkflowGraphView })
  graph(@Param('key') key: string, @Param('version', ParseIntPipe) version: number): Promise<WorkflowGraphView> {
    return this.workflows.graph(key, version);
  }
}
