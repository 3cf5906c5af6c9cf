import { SetMetadata } from '@nestjs/common';

export const PROBLEMS = Symbol('PROBLEMS');

/** The problem codes an operation answers, by status: `@Problems({ 404: ['case.not_found'], 409: ['case.already_rated'] })`. */
export type ProblemCodes = Partial<Record<400 | 403 | 404 | 409 | 413 | 415 | 422 | 429, string[]>>;

/**
 * Documents the problem codes an operation's service can answer with. The OpenAPI document lists them
 * under each status (`x-problem-codes`), beside what the guards and pipes answer on their own (src/openapi.ts).
 */
export const Problems = (codes: ProblemCodes) => SetMetadata(PROBLEMS, codes);
