import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsOptional, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';

/** `{ <step id>: <step id> }`: ids of 1–100 characters, at most 200 entries. */
function IsStepMapping(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isStepMapping',
      validator: {
        validate: (value: unknown) =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 200 &&
          Object.entries(value).every(([from, to]) => from.length >= 1 && from.length <= 100 && typeof to === 'string' && to.length >= 1 && to.length <= 100),
        defaultMessage: () => 'stepMapping maps step ids to step ids: { "<old step>": "<new step>" } (at most 200, each 1–100 characters)',
      },
    },
    options,
  );
}

export class WorkflowMigrationDto {
  @ApiProperty({ example: 1, description: 'the version the cases run on now (published, or superseded by a later one)' })
  @IsInt() @Min(1) @Max(1_000_000)
  fromVersion: number;

  @ApiProperty({ example: 2, description: 'the published version they move to' })
  @IsInt() @Min(1) @Max(1_000_000)
  toVersion: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { accept: 'accept', review: 'review' },
    description: 'for each step of fromVersion where cases may wait, the step of toVersion they continue at; a case at an unmapped step stays where it is',
  })
  @IsObject() @IsStepMapping()
  stepMapping: Record<string, string>;

  @ApiPropertyOptional({ default: false, description: 'true: only list what would move and what cannot; nothing changes' })
  @IsOptional() @IsBoolean()
  dryRun?: boolean;
}

export const MIGRATION_RESULT_STATUSES = ['moved', 'would_move', 'refused'] as const;
export type MigrationResultStatus = (typeof MIGRATION_RESULT_STATUSES)[number];

export class MigrationProblemView {
  @ApiProperty({ example: 'migration.step_unmapped' }) code: string;
  @ApiProperty() detail: string;
}

export class CaseMigrationResultView {
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ enum: MIGRATION_RESULT_STATUSES }) status: MigrationResultStatus;
  @ApiProperty({ type: String, nullable: true, description: 'the step the case is at' }) fromStep: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the step it continues at (or would)' }) toStep: string | null;
  @ApiPropertyOptional({ type: MigrationProblemView, description: 'why it cannot move (status refused)' }) problem?: MigrationProblemView;
}

export class WorkflowMigrationView {
  @ApiProperty() key: string;
  @ApiProperty() fromVersion: number;
  @ApiProperty() toVersion: number;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'cases moved (or, in a dry run, that would move)' }) moved: number;
  @ApiProperty() refused: number;
  @ApiProperty({ type: [CaseMigrationResultView], description: 'one per open case of fromVersion, in case-number order' }) results: CaseMigrationResultView[];
}
