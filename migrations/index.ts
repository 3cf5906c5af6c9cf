// Every migration, oldest first. `npm run migration:generate -- <Name>` appends new ones here.
import { Init1795985113121 } from './1795985113121-init.js';
import { DecidedByAndReportIndexes1795990781313 } from './1795990781313-decided-by-and-report-indexes.js';
import { NameUsernameUniqueIndex1796522566966 } from './1796522566966-name-username-unique-index.js';

export const migrations: Function[] = [
  Init1795985113121,
  DecidedByAndReportIndexes1795990781313,
  NameUsernameUniqueIndex1796522566966,
];
