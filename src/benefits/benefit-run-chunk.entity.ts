import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BenefitRun } from './benefit-run.entity.js';

/**
 * One chunk of a run, claimed by the transaction that runs it: a second delivery of the same chunk job
 * waits on the claim, then finds the chunk done and does nothing. Its counts are the chunk's share.
 */
@Entity({ name: 'benefit_run_chunk' })
export class BenefitRunChunk {
  @ManyToOne(() => BenefitRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: BenefitRun;

  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'integer' })
  chunk: number;

  @Column({ type: 'integer', default: 0 })
  evaluated: number;

  @Column({ type: 'integer', default: 0 })
  eligible: number;

  @Column({ type: 'integer', default: 0 })
  granted: number;

  @Column({ type: 'integer', default: 0 })
  skippedExisting: number;

  @CreateDateColumn({ type: 'timestamptz' })
  doneAt: Date;
}
