import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity.js';
import { CaseRecord } from './case.entity.js';

/**
 * A file ever attached to a case as a material: at submission (a bundle's parent and each child that asks
 * for it) or in a correction answer. A file an answer replaced stays listed, so the staff of the case can
 * still read what the applicant sent first. Keyed by file: the question asked is "which cases hold this file?".
 */
@Entity({ name: 'case_material_file' })
export class CaseMaterialFile {
  @PrimaryColumn({ type: 'uuid' })
  fileId: string;

  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile;

  @ManyToOne(() => CaseRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseRecord;
}
