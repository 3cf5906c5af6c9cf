export type { CheckResult } from './check-result.js';
export { maskAddress, maskBirthDate, maskName, maskPhone, maskResidentId, maskUscc } from './mask.js';
export { checkResidentId, residentIdCheckCharacter, type ResidentIdCheck } from './resident-id.js';
export { checkUscc, organizationCodeCheckCharacter, usccCheckCharacter, type UsccCheck } from './uscc.js';
