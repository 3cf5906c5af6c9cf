import { CaseHistorySeal } from './case-history-seal.entity.js';
import { CaseHistory } from './case-history.entity.js';
import { CaseMaterialFile } from './case-material-file.entity.js';
import { CaseNumberCounter } from './case-number.js';
import { CaseRating } from './case-rating.entity.js';
import { CaseRecord } from './case.entity.js';
import { CaseTask } from './case-task.entity.js';
import { HistoryCheckpoint, HistoryCheckpointHead } from './history-checkpoint.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const casesEntities = [CaseRecord, CaseHistory, CaseMaterialFile, CaseRating, CaseNumberCounter, CaseHistorySeal, HistoryCheckpoint, HistoryCheckpointHead, CaseTask];
