// Every migration, oldest first. `npm run migration:generate -- <Name>` appends new ones here.
import { Init1795977608326 } from './1795977608326-init.js';
import { Catalog1795978546041 } from './1795978546041-catalog.js';

export const migrations: Function[] = [
  Init1795977608326,
  Catalog1795978546041,
];
