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
  /** Keys of pending timers to cancel: no longer wanted, or due at another time now. */
  cancel: string[];
}

/**
 * What to change so that a subject's pending timers of one kind are exactly the wanted ones still ahead
 * of `now`. A moment already past is not started (whatever it should have triggered has been seen by the
 * check computing the plan); a pending timer whose moment moved is cancelled and started again, so its
 * delayed job (under the old id) finds it cancelled and does nothing.
 */
export function planTimers(pending: readonly PendingTimerRow[], wanted: readonly WantedTimer[], now: Date): TimerPlan {
  const ahead = new Map<string, WantedTimer>();
  for (const timer of wanted) {
    if (timer.dueAt.getTime() <= now.getTime() || Number.isNaN(timer.dueAt.getTime())) continue;
    const earlier = ahead.get(timer.key);
    if (!earlier || timer.dueAt < earlier.dueAt) ahead.set(timer.key, timer);
  }
  const kept = new Set<string>();
  const cancel: string[] = [];
  for (const row of pending) {
    const want = ahead.get(row.key);
    if (want && want.dueAt.getTime() === new Date(row.dueAt).getTime()) kept.add(row.key);
    else cancel.push(row.key);
  }
  const start = [...ahead.values()].filter((timer) => !kept.has(timer.key)).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
  return { start, cancel: cancel.sort() };
}
