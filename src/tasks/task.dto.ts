import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { TASK_ACTIONS, type TaskAction } from '@app/workflow-engine';
import { CLERK_PAUSE_REASONS, type ClerkPauseReason } from '../cases/case-clock.service.js';
import { PageQuery } from '../http/pagination.js';
import { BULK_LIMIT, WORKLOAD_TASKS } from './staff-rules.js';

export class TaskQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'claimed'] })
  @IsOptional() @IsIn(['open', 'claimed'])
  status?: 'open' | 'claimed';

  @ApiPropertyOptional({ description: 'only tasks past their due time' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional()
  @IsOptional() @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ description: 'only the tasks of colleagues the caller stands in for now (代岗)' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  covering?: boolean;
}

export class MissingItemDto {
  @ApiProperty({ description: 'a material key, or form.<field>', example: 'premisesProof' })
  @IsString() @MinLength(1) @MaxLength(100)
  key: string;

  @ApiProperty({ example: '租赁合同已过期，请提供有效期内的合同' })
  @IsString() @MinLength(1) @MaxLength(500)
  reason: string;
}

export class DecisionDto {
  @ApiProperty({ enum: TASK_ACTIONS })
  @IsIn(TASK_ACTIONS)
  action: TaskAction;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional() @IsString() @MaxLength(1000)
  comment?: string;

  @ApiPropertyOptional({ type: [MissingItemDto], description: 'for `correction`: everything missing, at once (一次性告知)' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MissingItemDto)
  missing?: MissingItemDto[];

  @ApiPropertyOptional({ description: 'for `transfer`' })
  @IsOptional() @IsString() @MaxLength(64)
  toDepartmentCode?: string;
}

export class TaskView {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() stepId: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty() role: string;
  @ApiProperty({ enum: ['open', 'claimed', 'completed', 'cancelled'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) dueAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) claimedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) leaseUntil: Date | null;
  @ApiProperty({ enum: TASK_ACTIONS, isArray: true }) allowedActions: string[];
  @ApiProperty({ type: String, nullable: true }) serviceItemCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the display name of the clerk holding it' }) claimedByName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'set when the caller works this task as the substitute of its holder (代岗): the absent clerk’s id' }) onBehalfOf: string | null;
}

export class AssignDto {
  @ApiProperty({ description: 'an active clerk of the task’s department', format: 'uuid' })
  @IsUUID()
  userId: string;
}

export const BULK_ACTIONS = ['claim', 'release', 'assign', 'decide'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export class BulkDto {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;

  @ApiProperty({ type: [String], minItems: 1, maxItems: BULK_LIMIT, description: `at most ${BULK_LIMIT} task ids, each once` })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(BULK_LIMIT) @IsString({ each: true }) @MaxLength(200, { each: true })
  taskIds: string[];

  @ApiPropertyOptional({ description: 'for `assign`: the clerk', format: 'uuid' })
  @IsOptional() @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ type: DecisionDto, description: 'for `decide`: the decision applied to each task' })
  @IsOptional() @ValidateNested() @Type(() => DecisionDto)
  decision?: DecisionDto;
}

export class BulkProblemView {
  @ApiProperty() status: number;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() detail: string;
}

export class BulkResultView {
  @ApiProperty() taskId: string;
  @ApiProperty({ enum: ['applied', 'refused'] }) status: 'applied' | 'refused';
  @ApiPropertyOptional({ type: BulkProblemView, description: 'why this task was refused; the others are unaffected' }) problem?: BulkProblemView;
}

export class BulkResponseView {
  @ApiProperty({ type: [BulkResultView], description: 'one per task, in the order given' }) results: BulkResultView[];
}

export class WorkloadQuery {
  @ApiPropertyOptional({ description: 'the department; a supervisor of one department defaults to it' })
  @IsOptional() @IsString() @MaxLength(64)
  departmentCode?: string;
}

export class ClerkWorkloadView {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: 'tasks the clerk holds now (claimed or assigned)' }) claimed: number;
  @ApiProperty({ description: 'of those, past their due time' }) overdue: number;
  @ApiProperty({ description: 'away now, with a substitute (代岗)' }) absent: boolean;
}

export class WorkloadView {
  @ApiProperty() departmentCode: string;
  @ApiProperty({ description: 'open tasks nobody holds' }) open: number;
  @ApiProperty({ description: 'of those, past their due time' }) openOverdue: number;
  @ApiProperty({ type: [ClerkWorkloadView] }) clerks: ClerkWorkloadView[];
  @ApiProperty({ type: [TaskView], description: `the department's open and held tasks, oldest deadline first (at most ${WORKLOAD_TASKS}): what a supervisor assigns from` }) tasks: TaskView[];
}

export class DecisionResultView {
  @ApiProperty() caseId: string;
  @ApiProperty() status: string;
}

export class PauseClockDto {
  @ApiProperty({ enum: CLERK_PAUSE_REASONS, description: '专家评审 / 听证 / 现场勘验 / 检验检测: time the law does not count' })
  @IsIn(CLERK_PAUSE_REASONS)
  reason: ClerkPauseReason;

  @ApiProperty({ maxLength: 1000, example: '组织专家评审' })
  @IsString() @MinLength(1) @MaxLength(1000)
  comment: string;
}

export class ResumeClockDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional() @IsString() @MaxLength(1000)
  comment?: string;
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] }) items: TaskView[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' }) nextCursor: string | null;
}
