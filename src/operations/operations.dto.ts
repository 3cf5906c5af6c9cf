import { ApiProperty } from '@nestjs/swagger';

export class QueueCounts {
  @ApiProperty({ example: 'workflow' }) name: string;
  @ApiProperty({ example: 0 }) waiting: number;
  @ApiProperty({ example: 1 }) active: number;
  @ApiProperty({ example: 12, description: 'waiting for their time (timers, retries after a backoff)' }) delayed: number;
  @ApiProperty({ example: 0, description: 'used up their attempts (see GET /api/operations/failed-jobs)' }) failed: number;
}

export class OutboxBacklog {
  @ApiProperty({ example: 0, description: 'outbox rows not yet relayed to the queue' }) pending: number;
  @ApiProperty({ type: Number, nullable: true, example: null, description: 'age of the oldest unrelayed row in seconds; null when none waits' })
  oldestAgeSeconds: number | null;
}

export class TimerBacklog {
  @ApiProperty({ example: 13, description: 'timers (公示 periods, …) waiting to fire' }) pending: number;
  @ApiProperty({ example: 0, description: 'pending timers more than a minute past their due time' }) overdue: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextDueAt: string | null;
}

export class QueuesView {
  @ApiProperty({ enum: ['redis', 'postgres'] }) backend: string;
  @ApiProperty({ description: 'false when the queue backend did not answer; the counts are then empty' }) backendAvailable: boolean;
  @ApiProperty({ type: [QueueCounts] }) queues: QueueCounts[];
  @ApiProperty({ type: OutboxBacklog }) outbox: OutboxBacklog;
  @ApiProperty({ type: TimerBacklog }) timers: TimerBacklog;
}

export class FailedJobView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'workflow' }) queue: string;
  @ApiProperty({ example: 'outbox-1234' }) jobId: string;
  @ApiProperty({ example: 'workflow.fire-timer' }) jobName: string;
  @ApiProperty({ description: 'ids only (jobs carry no personal data)', example: { caseId: '5d0f…', timerId: 't:notice:1' } }) payload: Record<string, unknown>;
  @ApiProperty({ example: 'connect ECONNREFUSED' }) error: string;
  @ApiProperty({ example: 5 }) attempts: number;
  @ApiProperty({ type: String, format: 'date-time' }) failedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when an admin last retried it; null after it failed again' })
  retriedAt: string | null;
}

export class FailedJobPage {
  @ApiProperty({ type: [FailedJobView] }) items: FailedJobView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class BoardTicketView {
  @ApiProperty({ example: '/api/operations/board/', description: 'open it in the browser: the ticket cookie goes with it' }) url: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'when the ticket stops opening the board' }) expiresAt: string;
  @ApiProperty({ enum: ['bull-board', 'summary'], description: 'bull-board on Redis; a summary page of the counts on the PostgreSQL queue backend' })
  board: string;
}
