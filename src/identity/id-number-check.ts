import { chinaDate } from '@app/business-calendar';
import { checkResidentId } from '@app/gov-ids';
import { badRequest } from '../http/problem.js';

/** A 居民身份证 number checked (region, birth date, check character), or a 400 naming `path`. */
export function checkedIdNumber(idNumber: string, path: string, now: Date): { gender: 'M' | 'F'; birthDate: string } {
  const result = checkResidentId(idNumber, { today: chinaDate(now) });
  if (!result.ok) throw badRequest('identity.invalid_id_number', `The ID number is not valid: ${result.message}.`, [{ path, message: `${result.code}: ${result.message}` }]);
  return { gender: result.gender, birthDate: result.birthDate };
}
