import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { headersOf, signIn, type Actors } from './support/actors.js';
import { contractViolations, send, type ApiRequest } from './support/api-requests.js';
import { loadOperations, type Operation } from './support/openapi.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { fuzzCase, type FuzzCase, type Pools } from './support/request-arbitraries.js';
import { buildFixtures, type SecurityFixtures } from './support/security-fixtures.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Every operation of the OpenAPI document, fed requests generated from its schemas with each role's token:
 * no answer may be a 5xx, and every 4xx is application/problem+json with `type`, `title`, `status`,
 * `detail`, `code` (and `errors[].path` on a 400). A failure is shrunk and reported with its request and
 * the command that replays it. See docs/security-testing.md.
 *
 *   FUZZ_SEED       the run's seed (default below); each operation's own seed derives from it and its name
 *   FUZZ_RUNS       requests in all, shared out among the operations (default 3000)
 *   FUZZ_OPERATION  only this operation, e.g. "POST /api/users"
 *   FUZZ_PATH       with FUZZ_OPERATION: replay the counterexample at this fast-check path
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3_000);
const ONLY = process.env.FUZZ_OPERATION;
const PATH = process.env.FUZZ_PATH;
/** Time for one operation's runs and the shrinking of its failure, so that a broken route cannot hold the whole suite up. */
const OPERATION_BUDGET_MS = 10_000;

// No operation is skipped: the streamed imports get small bodies of odd lines, uploads get odd files, and the
// run has a database of its own, so what the admin's requests change (the calendar, accounts, policies) stays there.

let database: PrivateDatabase;
let system: TestSystem;
let actors: Actors;
let fixtures: SecurityFixtures;
let operations: Operation[];

beforeAll(async () => {
  database = await privateDatabase('fuzz');
  // Requests that fail are what this suite looks for: their stack traces would bury the report.
  system = await startTestSystem('single-server', { DATABASE_URL: database.url, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  actors = await signIn(system);
  fixtures = await buildFixtures(system, actors);
  operations = await loadOperations(system);
}, 180_000);

afterAll(async () => {
  await system?.stopAll();
  await database?.drop();
});

/** Real values to put where the schemas ask for ids and codes (never the seeded accounts' ids: an admin request could disable them). */
function pools(f: SecurityFixtures): Pools {
  const ids = [f.caseId, f.caseToWithdrawId, f.finishedCaseId, f.taskId, f.attachedFileId, f.loneFileId, f.grantId, f.reviewId, f.importId, f.flagId, f.staffUserId];
  const codes = [f.serviceItemCode, f.otherServiceItemCode, f.bundleCode, f.policyCode, f.certificateCode, '2201-SC-0001'];
  return {
    id: ids,
    code: codes,
    key: [f.workflowKey, 'food-business-license', 'idCard'],
    version: ['1', String(f.draftVersion)],
    runId: [f.runId],
    scanId: [f.scanId],
    caseId: [f.caseId, f.finishedCaseId],
    year: ['2025', '2026', '2027', '2028', '2030'],
    date: ['2026-10-01', '2027-02-06', '2028-12-29'],
    fileId: [f.attachedFileId, f.loneFileId],
    serviceItemCode: [f.serviceItemCode, '2201-SC-0001'],
    serviceItemCodes: [f.serviceItemCode, f.otherServiceItemCode],
    bundleCode: [f.bundleCode],
    workflowKey: [f.workflowKey],
    policyCode: [f.policyCode],
    departmentCode: ['market-regulation', 'civil-affairs', 'mars'],
    toDepartmentCode: ['market-regulation', 'civil-affairs'],
    idNumber: [f.idNumber, '220102194209081022', '11010519491231002X'],
    userId: [f.staffUserId],
    '*': [...ids, ...codes],
  };
}

/** An operation's own seed: the same for a given FUZZ_SEED whether it runs with the others or alone. */
const seedOf = (key: string) => createHash('sha256').update(`${SEED}:${key}`).digest().readInt32LE(0);

const authorizationOf = ({ caller }: FuzzCase): Record<string, string> => ('role' in caller ? headersOf(actors[caller.role]) : { Authorization: caller.authorization });

/** A request for the report: long strings and bodies cut down to their length. */
function printable(fuzz: FuzzCase): string {
  const cut = (_: string, value: unknown) => {
    if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 80)}…(${value.length} characters)`;
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') return `<${(value as { data: unknown[] }).data.length} bytes>`;
    return value;
  };
  const request: ApiRequest = fuzz.request;
  return `${request.method.toUpperCase()} ${cut('', request.url) as string} as ${JSON.stringify(fuzz.caller)}\n      headers ${JSON.stringify(request.headers)}\n      body ${JSON.stringify(request.body, cut)}`;
}

/**
 * `contract`: everything the error contract asks. `problem+json`: the same without the field errors of a
 * 400, run again when only those were missing, so that a worse answer is not hidden behind them.
 */
type Check = 'contract' | 'problem+json';

/** What `check` finds wrong with the answer to one generated request (it throws, so fast-check shrinks the request). */
async function probe(fuzz: FuzzCase, check: Check): Promise<void> {
  const answer = await send(system, { ...fuzz.request, headers: { ...fuzz.request.headers, ...authorizationOf(fuzz) } }, 15_000);
  const violations = contractViolations(answer, { fieldErrors: check === 'contract' });
  if (violations.length > 0) throw new Error(`${violations.join('; ')}: ${JSON.stringify(answer.body).slice(0, 300)}`);
}

interface Failure {
  report: string;
  /** Only a 400 without `errors` (the mildest break). */
  fieldErrorsOnly: boolean;
}

/** Runs one check over the operation's generated requests; answers the shrunk failure, reported with its replay command. */
async function fuzzOperation(operation: Operation, check: Check, numRuns: number): Promise<Failure | null> {
  const details = await fc.check(
    fc.asyncProperty(fuzzCase(operation, pools(fixtures)), (fuzz) => probe(fuzz, check)),
    { seed: seedOf(operation.key), numRuns, ...(PATH ? { path: PATH } : {}), plugins: [fc.interruptAfterTimeLimit(OPERATION_BUDGET_MS)] },
  );
  if (!details.failed || !details.counterexample) return null;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const [fuzz] = details.counterexample as [FuzzCase];
  return {
    report: `${operation.key} (${check}): ${error}\n      ${printable(fuzz)}\n      replay: FUZZ_SEED=${SEED} FUZZ_OPERATION='${operation.key}' FUZZ_PATH='${details.counterexamplePath}' npx vitest run test/fuzz.e2e.spec.ts`,
    fieldErrorsOnly: /^400 \S+ without errors/.test(error),
  };
}

it(`answers ${RUNS} generated requests without a 5xx, and every error as problem+json`, async () => {
  const selected = operations.filter((operation) => !ONLY || operation.key === ONLY);
  expect(selected.length, ONLY ? `no operation ${ONLY}` : 'operations').toBeGreaterThan(0);
  const runsEach = Math.max(10, Math.ceil(RUNS / selected.length));
  const reports: string[] = [];
  for (const operation of selected) {
    const failure = await fuzzOperation(operation, 'contract', runsEach);
    if (!failure) continue;
    reports.push(failure.report);
    if (!failure.fieldErrorsOnly) continue;
    const worse = await fuzzOperation(operation, 'problem+json', runsEach);
    if (worse) reports.push(worse.report);
  }
  expect(reports.length, `${reports.length} failure(s):\n\n${reports.join('\n\n')}`).toBe(0);
}, 900_000);
