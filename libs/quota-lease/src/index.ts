export { QuotaLeases, leaseSize, type Grant, type Verdict } from './quota-leases.js';
