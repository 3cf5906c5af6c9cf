import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { CheckpointTakenView, HistoryAuditView } from './history-audit.dto.js';
import { HistoryAuditService } from './history-audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@ApiUnauthorizedResponse({ description: 'No valid token' })
@ApiForbiddenResponse({ description: 'Only supervisors and admins' })
@Controller('audit/history-checkpoints')
export class HistoryCheckpointsController {
  constructor(private readonly audit: HistoryAuditService) {}

  @Get('verify')
  @ApiOperation({ summary: 'Verify every case history against HISTORY_KEY and the signed checkpoints (reads all history: minutes on a large database)' })
  @ApiOkResponse({ type: HistoryAuditView })
  verify(): Promise<HistoryAuditView> {
    return this.audit.verifyAll();
  }

  @Post()
  @ApiOperation({ summary: 'Sign a checkpoint of the history heads now (the schedule does it every HISTORY_CHECKPOINT_EVERY_SECONDS)' })
  @ApiCreatedResponse({ type: CheckpointTakenView })
  checkpoint(): Promise<CheckpointTakenView> {
    return this.audit.checkpoint();
  }
}
