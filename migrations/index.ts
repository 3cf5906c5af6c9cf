// Every migration, oldest first. `npm run migration:generate -- <Name>` appends new ones here.
import { Init1795977608326 } from './1795977608326-init.js';
import { Catalog1795978546041 } from './1795978546041-catalog.js';
import { StoredFile1795978715432 } from './1795978715432-stored-file.js';
import { CalendarDays1795978788136 } from './1795978788136-calendar-days.js';
import { Cases1795978945591 } from './1795978945591-cases.js';
import { Benefits1795979200898 } from './1795979200898-benefits.js';
import { JointApproval1795979324239 } from './1795979324239-joint-approval.js';
import { RiskMonitor1795979866014 } from './1795979866014-risk-monitor.js';

export const migrations: Function[] = [
  Init1795977608326,
  Catalog1795978546041,
  StoredFile1795978715432,
  CalendarDays1795978788136,
  Cases1795978945591,
  Benefits1795979200898,
  JointApproval1795979324239,
  RiskMonitor1795979866014,
];
