import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { Problems } from '../http/problems.decorator.js';
import { WorkflowMigrationDto, WorkflowMigrationView } from './workflow-migration.dto.js';
import { WorkflowMigrationsService } from './workflow-migrations.service.js';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowMigrationsController {
  constructor(private readonly migrations: WorkflowMigrationsService) {}

  @Post(':key/migrations')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: WorkflowMigrationView })
  @ApiOperation({ summary: 'Move the open cases of one version to the published version by a step mapping; dryRun lists what would move and what cannot' })
  @Problems({
    404: ['workflow.version_not_found'],
    409: ['workflow.unreadable'],
    422: ['migration.same_version', 'migration.version_not_published', 'migration.unknown_source_step', 'migration.unknown_target_step', 'migration.incompatible_step'],
  })
  migrate(@Param('key') key: string, @Body() body: WorkflowMigrationDto, @CurrentUser() caller: Caller): Promise<WorkflowMigrationView> {
    return this.migrations.migrate(key, body, caller);
  }
}
