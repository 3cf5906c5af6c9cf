import { Global, Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AUTH_SESSIONS } from '../auth/auth-sessions.js';
import { RegistryModule } from '../registry/registry.module.js';
import { UsersModule } from '../users/users.module.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesService } from './enterprises.service.js';
import { IdentityController } from './identity.controller.js';
import { IdentitySweep } from './identity-sweep.js';
import { OidcService } from './oidc.service.js';
import { RegistrationService } from './registration.service.js';
import { SessionsService } from './sessions.service.js';
import { SmsCodesService } from './sms-codes.service.js';
import { GatewaySmsSender, SMS_SENDER } from './sms-sender.js';

/**
 * Who people are and how they get in: real-name registration with SMS codes, the province's identity
 * provider, refresh sessions, enterprise accounts. Global only for AUTH_SESSIONS, which the auth guard
 * and sign-in use without importing this module (it imports theirs).
 */
@Global()
@Module({
  imports: [AuthModule, UsersModule, RegistryModule, AgentsModule, NotificationsModule],
  controllers: [IdentityController, EnterprisesController],
  providers: [
    SessionsService,
    { provide: AUTH_SESSIONS, useExisting: SessionsService },
    { provide: SMS_SENDER, useClass: GatewaySmsSender },
    SmsCodesService,
    RegistrationService,
    OidcService,
    EnterprisesService,
    IdentitySweep,
  ],
  exports: [AUTH_SESSIONS, SMS_SENDER],
})
export class IdentityModule {}
