import { AuthSession, RefreshToken } from './auth-session.entity.js';
import { EnterpriseAccount } from './enterprise-account.entity.js';
import { IdentityLink, OidcLogin } from './oidc.entity.js';
import { SmsCode } from './sms-code.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const identityEntities = [SmsCode, AuthSession, RefreshToken, OidcLogin, IdentityLink, EnterpriseAccount];
