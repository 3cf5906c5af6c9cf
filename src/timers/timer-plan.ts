/** A timer a subject should have: its key among the subject's timers of one kind, and when it falls due. */
export interface WantedTimer {
  key: string;
  dueAt: Date;
}

/** A pending timer row as stored. */
export interface PendingTimerRow {
  key: string;
  dueAt: Date;
}

export interface TimerPlan {
  /** Timers to start (new, or moved: cancelled below under the same key first). */
  start: WantedTimer[];
  /** Keys of pending timers whose moment has come: the check computing the plan covers them, they are fired. */
  fire: string[];
  /** Keys of pending timers to cancel: no longer wanted, or due at another time now. */
  cancel: string[];
}

/**
 * What to change so that a subject's pending timers of one kind are exactly the wanted ones still ahead
 * of `now`. The plan is computed by the check a timer runs, which looks at the subject as of `now`: a
 * pending timer whose moment has come is therefore fired (covered by this check, its own job then finds
 * it fired), and a wanted moment already past is not started. A pending timer whose moment moved is
 * cancelled and started again, so its delayed job (under the old id) finds it cancelled and does nothing.
 */
export function planTimers(pending: readonly PendingTimerRow[], wanted: readonly WantedTimer[], now: Date): TimerPlan {
  const byKey = new Map<string, WantedTimer>();
  for (const timer of wanted) {
    if (Number.isNaN(timer.dueAt.getTime())) continue;
    const earlier = byKey.get(timer.key);
    if (!earlier || timer.dueAt < earlier.dueAt) byKey.set(timer.key, timer);
  }
  const kept = new Set<string>();
  const fire: string[] = [];
  const cancel: string[] = [];
  for (const row of pending) {
    const want = byKey.get(row.key);
    if (!want || want.dueAt.getTime() !== new Date(row.dueAt).getTime()) cancel.push(row.key);
    else if (want.dueAt.getTime() <= now.getTime()) fire.push(row.key);
    else kept.add(row.key);
  }
  const start = [...byKey.values()]
    .filter((timer) => timer.dueAt.getTime() > now.getTime() && !kept.has(timer.key))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
  return { start, fire: fire.sort(), cancel: cancel.sort() };
}
