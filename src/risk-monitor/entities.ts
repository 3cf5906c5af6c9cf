import { RiskFlag } from './risk-flag.entity.js';
import { RiskScan } from './risk-scan.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const riskMonitorEntities = [RiskFlag, RiskScan];
