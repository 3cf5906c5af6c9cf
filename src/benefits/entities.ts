import { BenefitGrant } from './benefit-grant.entity.js';
import { BenefitPolicyVersion } from './benefit-policy-version.entity.js';
import { BenefitPolicy } from './benefit-policy.entity.js';
import { BenefitReview } from './benefit-review.entity.js';
import { BenefitRunChunk } from './benefit-run-chunk.entity.js';
import { BenefitRun } from './benefit-run.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const benefitsEntities = [BenefitPolicy, BenefitPolicyVersion, BenefitRun, BenefitRunChunk, BenefitGrant, BenefitReview];
