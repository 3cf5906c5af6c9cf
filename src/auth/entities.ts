import { AuthSecret } from './auth-secret.entity.js';
import { LoginAttempt } from './login-attempt.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const authEntities = [AuthSecret, LoginAttempt];
