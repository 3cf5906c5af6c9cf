import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 代岗 (out of office): a clerk names a colleague of the same department who, from `startsAt` until
 * `endsAt`, sees and works the tasks the clerk holds (claimed or assigned). One per absent clerk: naming
 * another replaces it.
 */
@Entity({ name: 'substitution' })
@Index('substitution_absent_key', ['absentId'], { unique: true })
@Index('substitution_substitute_idx', ['substituteId', 'endsAt'])
export class Substitution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The clerk who is away. */
  @Column({ type: 'uuid' })
  absentId: string;

  /** The clerk who works the absent one's tasks meanwhile. */
  @Column({ type: 'uuid' })
  substituteId: string;

  @Column({ type: 'text' })
  departmentCode: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  /** Exclusive: at this instant the tasks are the absent clerk's alone again. */
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
