import { actionsOf } from './actions.js';
import { accept } from './clock.js';
import { checkMissing, issueNotice } from './correction.js';
import { engineError, type EngineError } from './engine-error.js';
import type { TaskEvent } from './events.js';
import { follow } from './routing.js';
import type { Task } from './state.js';
import { DefinitionFault, type Transition } from './transition.js';

/** A clerk's decision on the task of a review step. */
export function decideReview(t: Transition, task: Task, event: TaskEvent): EngineError | undefined {
  const step = t.step(task.stepId);
  if (step.type !== 'review') throw new DefinitionFault(`step ${step.id} is not a review step`);
  const allowed = actionsOf(step);
  if (!allowed.includes(event.type)) {
    const listed = allowed.join(', ');
    return engineError('engine.action_not_allowed', `${event.type} is not allowed at step ${step.id}; allowed: ${listed}`);
  }

  switch (event.type) {
    case 'correction': {
      const invalid = checkMissing(event.missing);
      if (invalid) return invalid;
      t.emit({ type: 'complete_task', taskId: task.id, action: 'correction' });
      const items = event.missing.map((item) => ({ key: item.key, reason: item.reason, department: task.department }));
      const notice = issueNotice(t, step.id, items);
      t.update({ activity: { kind: 'correction', stepId: step.id, notice } });
      return undefined;
    }
    case 'transfer': {
      if (typeof event.toDepartment !== 'string' || event.toDepartment === '' || event.toDepartment === task.department) {
        return engineError('engine.invalid_event', 'a transfer needs a department other than the current one');
      }
      // 转办 keeps the case at the same step; the receiving department works the same role's queue.
      const moved = t.newTask(step.id, event.toDepartment, task.role);
      t.update({ activity: { kind: 'review', stepId: step.id, task: moved } });
      t.emit(
        { type: 'complete_task', taskId: task.id, action: 'transfer' },
        { type: 'open_task', task: moved, ...(step.sla ? { sla: step.sla } : {}), allowedActions: allowed },
      );
      return undefined;
    }
    case 'accept':
      t.emit({ type: 'complete_task', taskId: task.id, action: 'accept' });
      accept(t);
      follow(t, step.id, 'accept');
      return undefined;
    case 'refuse':
    case 'approve':
    case 'reject':
      t.emit({ type: 'complete_task', taskId: task.id, action: event.type });
      follow(t, step.id, event.type);
      return undefined;
  }
}
