import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity.js';
import type { AllowedType } from './content-type.js';

/** An uploaded file's metadata; its content lives in the FileStorage under `storageKey`. */
@Entity({ name: 'stored_file' })
@Check('stored_file_size_positive', '"size" > 0')
export class StoredFile {
  /** Assigned before the content is stored, because the storage key contains it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('stored_file_owner_idx')
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  /** The client's name after sanitiseFileName: for display and downloads only, never a path. */
  @Column({ type: 'text' })
  originalName: string;

  /** Detected from the bytes, never taken from the client. */
  @Column({ type: 'text' })
  contentType: AllowedType;

  @Column({ type: 'integer' })
  size: number;

  /** Lower-case hex SHA-256 of the content. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Index('stored_file_storage_key_idx', { unique: true })
  @Column({ type: 'text' })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
