/**
 * The pure rules of the staff tools (issue #19): how many tasks one bulk call may name, when two
 * absences overlap, and whom an escalated task goes to. No Nest, no database: unit-tested beside.
 */

/** Tasks one `POST /api/tasks/bulk` may name: a page of the workbench, with room to spare. */
export const BULK_LIMIT = 100;

/** Tasks the workload view lists, most urgent first: a supervisor's working set, not an archive. */
export const WORKLOAD_TASKS = 200;

export interface Window {
  from: Date;
  to: Date;
}

/** Half-open windows [from, to): one ending when the other starts does not overlap it. */
export function windowsOverlap(a: Window, b: Window): boolean {
  return a.from.getTime() < b.to.getTime() && b.from.getTime() < a.to.getTime();
}

export function inWindow(window: Window, at: Date): boolean {
  return window.from.getTime() <= at.getTime() && at.getTime() < window.to.getTime();
}

export interface Candidate {
  id: string;
  username: string;
  /** Tasks the clerk holds now. */
  tasks: number;
}

/**
 * The clerk who holds the fewest tasks, skipping `excluded` (absent, a party to the case, the current
 * holder); ties go to the first username, so the choice is the same on every run. Null when nobody is left.
 */
export function leastLoaded(candidates: readonly Candidate[], excluded: ReadonlySet<string> = new Set()): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of candidates) {
    if (excluded.has(candidate.id)) continue;
    if (!best || candidate.tasks < best.tasks || (candidate.tasks === best.tasks && candidate.username < best.username)) best = candidate;
  }
  return best;
}

/** The ids named more than once, in first-seen order: a bulk call names each task once. */
export function repeated(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}
