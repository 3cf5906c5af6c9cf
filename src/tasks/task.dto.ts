import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { TASK_ACTIONS, type TaskAction } from '@app/workflow-engine';
import { CLERK_PAUSE_REASONS, type ClerkPauseReason } from '../cases/case-clock.service.js';
import { PageQuery } from '../http/pagination.js';

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
