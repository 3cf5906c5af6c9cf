import { Tag } from 'antd';
import { label, useT } from '../i18n/i18n';

/** The parts of a published workflow definition the public diagram shows. */
export interface ProcessStep {
  id: string;
  name?: string;
  type: string;
  queue?: { department: string; role?: string };
  participants?: string[];
  join?: string | { quorum: number };
  sla?: { workingDays: number };
  duration?: { calendarDays?: number; workingDays?: number };
  pausesClock?: boolean;
  certificate?: { name: string };
  outcomes?: Record<string, unknown>;
}

/** `'next'`, `[{ to, when }]` or `{ to }`: every target an outcome can lead to. */
function targetsOf(route: unknown): string[] {
  if (typeof route === 'string') return [route];
  if (Array.isArray(route)) return route.flatMap(targetsOf);
  if (route && typeof route === 'object' && 'to' in route) return targetsOf((route as { to: unknown }).to);
  return [];
}

/**
 * 办事流程 as a citizen reads it: each step in order, boxed, with its Chinese name, the department(s)
 * handling it, its time limit, and arrows naming where each outcome leads (another step or the end).
 */
export function ProcessDiagram({ steps, departmentName, title }: { steps: ProcessStep[]; departmentName: (code: string) => string; title: string }) {
  const t = useT();
  const nameOf = (target: string) => {
    if (target.startsWith('end:')) return label(t.guide.ends, target.slice(4));
    const step = steps.find((s) => s.id === target);
    return step?.name ?? target;
  };
  return (
    <ol className="process-diagram" aria-label={title}>
      {steps.map((step, index) => {
        const departments = step.queue ? [step.queue.department] : (step.participants ?? []);
        const limit = step.sla
          ? t.common.workingDays(step.sla.workingDays)
          : step.duration?.workingDays !== undefined
            ? t.common.workingDays(step.duration.workingDays)
            : step.duration?.calendarDays !== undefined
              ? t.guide.calendarDays(step.duration.calendarDays)
              : null;
        const outcomes = Object.entries(step.outcomes ?? {}).flatMap(([outcome, route]) => targetsOf(route).map((to) => ({ outcome, to })));
        return (
          <li key={step.id} className="process-step" data-step={step.id}>
            <div className="process-box">
              <div className="process-head">
                <span className="process-number" aria-hidden="true">{index + 1}</span>
                <h3>{step.name ?? step.id}</h3>
                <Tag>{label(t.guide.stepKinds, step.type)}</Tag>
              </div>
              <dl>
                {departments.length > 0 && (
                  <>
                    <dt>{t.guide.stepDepartment}</dt>
                    <dd>
                      {t.common.join(departments.map(departmentName))}
                      {step.type === 'joint' && step.join !== undefined && t.common.paren(t.guide.join(typeof step.join === 'string' ? step.join : String(step.join.quorum)))}
                    </dd>
                  </>
                )}
                {limit && (
                  <>
                    <dt>{t.guide.stepLimit}</dt>
                    <dd>
                      {limit}
                      {step.pausesClock ? t.guide.pausesClock : ''}
                    </dd>
                  </>
                )}
                {step.certificate && (
                  <>
                    <dt>{t.guide.stepKinds.certificate}</dt>
                    <dd>{step.certificate.name}</dd>
                  </>
                )}
              </dl>
              {outcomes.length > 0 && (
                <ul className="process-outcomes" aria-label={t.guide.next}>
                  {outcomes.map(({ outcome, to }) => (
                    <li key={`${outcome}-${to}`} className={to.startsWith('end:') ? 'process-end' : undefined}>
                      {label(t.guide.outcomes, outcome)} → {nameOf(to)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
