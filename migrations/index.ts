// Every migration, oldest first. `npm run migration:generate -- <Name>` appends new ones here.
import { Init1795985113121 } from './1795985113121-init.js';
import { DecidedByAndReportIndexes1795990781313 } from './1795990781313-decided-by-and-report-indexes.js';
import { SessionsSecretsAndRateLimits1796522245861 } from './1796522245861-sessions-secrets-and-rate-limits.js';
import { SealIdNumbers1796522323998 } from './1796522323998-seal-id-numbers.js';
import { KeyHistoryChains1796522324028 } from './1796522324028-key-history-chains.js';
import { NameUsernameUniqueIndex1796522566966 } from './1796522566966-name-username-unique-index.js';
import { PersonalDataAccessLogAndCaseMaterialFiles1796523232594 } from './1796523232594-personal-data-access-log-and-case-material-files.js';
import { DurableTimers1796533364758 } from './1796533364758-durable-timers.js';
import { NotificationChannelsAndWebhooks1796533418915 } from './1796533418915-notification-channels-and-webhooks.js';
import { IdentityAgentsCounter1796534962882 } from './1796534962882-identity-agents-counter.js';
import { ServiceGuide1796540000000 } from './1796540000000-service-guide.js';
import { CertificateHolderKind1796580657281 } from './1796580657281-certificate-holder-kind.js';
import { BackfillTimers1796590000000 } from './1796590000000-backfill-timers.js';
import { RatingTicketsAndRevocation1796600000000 } from './1796600000000-rating-tickets-and-revocation.js';
import { Substitution1796610000000 } from './1796610000000-substitution.js';
import { CommitmentChecks1796620000000 } from './1796620000000-commitment-checks.js';

export const migrations: Function[] = [
  Init1795985113121,
  DecidedByAndReportIndexes1795990781313,
  SessionsSecretsAndRateLimits1796522245861,
  SealIdNumbers1796522323998,
  KeyHistoryChains1796522324028,
  NameUsernameUniqueIndex1796522566966,
  PersonalDataAccessLogAndCaseMaterialFiles1796523232594,
  DurableTimers1796533364758,
  NotificationChannelsAndWebhooks1796533418915,
  IdentityAgentsCounter1796534962882,
  ServiceGuide1796540000000,
  CertificateHolderKind1796580657281,
  BackfillTimers1796590000000,
  RatingTicketsAndRevocation1796600000000,
  Substitution1796610000000,
  CommitmentChecks1796620000000,
];
