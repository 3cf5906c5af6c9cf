import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKFLOW_STATUSES, type WorkflowStatus } from './workflow-version.entity.js';

export class DefinitionErrorView {
  @ApiProperty({ example: '$.steps[3].outcomes.approve' }) path: string;
  @ApiProperty() message: string;
  @ApiProperty({ example: 'definition.unknown_target' }) code: string;
}

export class ValidationResultView {
  @ApiProperty() valid: boolean;
  @ApiPropertyOptional({ type: [DefinitionErrorView] }) errors?: DefinitionErrorView[];
}

export class WorkflowVersionRef {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: WORKFLOW_STATUSES }) status: WorkflowStatus;
}

export class WorkflowVersionSummary {
  @ApiProperty() version: number;
  @ApiProperty({ enum: WORKFLOW_STATUSES }) status: WorkflowStatus;
  @ApiProperty({ type: String, nullable: true }) publishedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class WorkflowView {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [WorkflowVersionSummary] }) versions: WorkflowVersionSummary[];
}

export class WorkflowGraphView {
  @ApiProperty({ type: 'array', items: { type: 'object' } }) nodes: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) edges: unknown[];
}

export class WorkflowList {
  @ApiProperty({ type: [WorkflowView] }) items: WorkflowView[];
}
