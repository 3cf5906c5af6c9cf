export { isInternalAddress } from './addresses.js';
export { mayRetry, retryDelayMs, waitingRetryPolicy, type RetryPolicy } from './backoff.js';
export { DEFAULT_QUIET_HOURS, sendableAt, type QuietHours } from './quiet-hours.js';
export { SIGNATURE_HEADER, signBody, verifySignature } from './signing.js';
export { SMS_LIMIT, followUps, hasSms, renderNotice, type RenderedNotice } from './templates.js';
