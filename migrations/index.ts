// Every migration, oldest first. `npm run migration:generate -- <Name>` appends new ones here.
import { Init1795985113121 } from './1795985113121-init.js';
import { DecidedByAndReportIndexes1795990781313 } from './1795990781313-decided-by-and-report-indexes.js';
import { SealIdNumbers1796522323998 } from './1796522323998-seal-id-numbers.js';
import { KeyHistoryChains1796522324028 } from './1796522324028-key-history-chains.js';

export const migrations: Function[] = [
  Init1795985113121,
  DecidedByAndReportIndexes1795990781313,
  SealIdNumbers1796522323998,
  KeyHistoryChains1796522324028,
];
