import type { Effect } from '../effects.js';
import type { CaseEvent } from '../events.js';
import type { ClockState, Task } from '../state.js';

/**
 * What a shell that carries out every effect would hold: the open tasks, running timers,
 * pending evaluations, the clock and whether a correction notice is out. Built from effects alone, so comparing it with the
 * state checks that the two never disagree. Throws on effects that make no sense (closing
 * a task that is not open, pausing a clock that is not running, a second task for the same
 * step and department).
 */
export class World {
  readonly tasks = new Map<string, Task>();
  readonly timers = new Set<string>();
  readonly evaluations = new Set<string>();
  clock: ClockState = 'not_started';
  /** 一次性告知: the applicant never holds two correction notices at once. */
  noticeOpen = false;

  apply(event: CaseEvent, effects: readonly Effect[]): void {
    if (event.type === 'timer_fired') this.timers.delete(event.timerId);
    if (event.type === 'rule_evaluated') this.evaluations.delete(event.evaluationId);
    if (event.type === 'correction_answered') this.noticeOpen = false;
    for (const effect of effects) this.carryOut(effect);
  }

  private carryOut(effect: Effect): void {
    switch (effect.type) {
      case 'open_task':
        return this.open(effect.task);
      case 'enqueue_joint_fan_out':
        return effect.tasks.forEach(({ task }) => this.open(task));
      case 'complete_task':
      case 'cancel_task':
        if (!this.tasks.delete(effect.taskId)) throw new Error(`${effect.type} of ${effect.taskId}, which is not open`);
        return;
      case 'start_timer':
        this.timers.add(effect.timerId);
        return;
      case 'cancel_timer':
        if (!this.timers.delete(effect.timerId)) throw new Error(`cancel_timer of ${effect.timerId}, which is not running`);
        return;
      case 'evaluate_rule':
        this.evaluations.add(effect.evaluationId);
        return;
      case 'start_clock':
        return this.moveClock('not_started', 'running', effect.type);
      case 'pause_clock':
        return this.moveClock('running', 'paused', effect.type);
      case 'resume_clock':
        return this.moveClock('paused', 'running', effect.type);
      case 'finish_case':
        this.clock = 'stopped';
        this.noticeOpen = false;
        return;
      case 'notify':
        if (effect.template !== 'correction_requested') return;
        if (this.noticeOpen) throw new Error('a second correction notice while one is open');
        this.noticeOpen = true;
        return;
      case 'issue_certificate':
        return;
    }
  }

  private open(task: Task): void {
    const twin = [...this.tasks.values()].find((open) => open.stepId === task.stepId && open.department === task.department);
    if (twin) throw new Error(`second task for ${task.stepId} in ${task.department}: ${twin.id} and ${task.id}`);
    if (this.tasks.has(task.id)) throw new Error(`task id ${task.id} reused`);
    this.tasks.set(task.id, task);
  }

  private moveClock(from: ClockState, to: ClockState, by: string): void {
    if (this.clock !== from) throw new Error(`${by} while the clock is ${this.clock}`);
    this.clock = to;
  }
}
