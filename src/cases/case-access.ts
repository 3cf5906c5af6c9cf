import type { Caller } from '../auth/auth.decorators.js';

/**
 * Who may see a case: the applicant and the agent who applied for them, the legal representative of an
 * enterprise that applied (`represented`: the enterprise accounts the caller represents), the clerk who
 * entered it at the counter, staff of a department that owns it or holds a task of it, supervisors and admins.
 */
export function canSeeCase(
  caller: Caller,
  record: { applicantId: string; agentId?: string | null; enteredBy?: string | null; departmentCode: string | null },
  taskDepartments: readonly string[],
  represented: readonly string[] = [],
): boolean {
  if (caller.roles.includes('supervisor') || caller.roles.includes('admin')) return true;
  if (record.applicantId === caller.id || (record.agentId != null && record.agentId === caller.id)) return true;
  if (represented.includes(record.applicantId)) return true;
  // The counter clerk who entered it follows it up for the person at the counter, whatever their department.
  if (record.enteredBy != null && record.enteredBy === caller.id) return true;
  if (caller.roles.includes('clerk') && caller.departmentCode) {
    return record.departmentCode === caller.departmentCode || taskDepartments.includes(caller.departmentCode);
  }
  return false;
}

/**
 * SQL for the departments that hold a task of the case `caseId` (a column or a placeholder) or of one of
 * its children, a bundle's items: the `taskDepartments` of canSeeCase, as a text[].
 */
export const taskDepartmentsSql = (caseId: string) =>
  `ARRAY(SELECT DISTINCT t.department_code FROM case_task t WHERE t.case_id IN (SELECT ${caseId} UNION ALL SELECT k.id FROM case_record k WHERE k.parent_id = ${caseId}))`;
