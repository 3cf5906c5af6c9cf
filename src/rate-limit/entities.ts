import { RateLimitBucket } from './rate-limit-bucket.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const rateLimitEntities = [RateLimitBucket];
