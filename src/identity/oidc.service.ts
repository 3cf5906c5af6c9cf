import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import * as oidc from 'openid-client';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../config/app-config.js';
import { badRequest, notFound, ProblemException } from '../http/problem.js';
import { RegistryLookups } from '../registry/registry-lookups.js';
import { UsersService, type PersonAccount } from '../users/users.service.js';
import type { IssuedSession } from '../auth/auth-sessions.js';
import { checkedIdNumber } from './id-number-check.js';
import { IdentityLink, OidcLogin } from './oidc.entity.js';
import { personFacts } from './person-facts.js';
import { SessionsService } from './sessions.service.js';
import { HttpStatus } from '@nestjs/common';
import { ClockService } from '../time/clock.service.js';

/** A sign-in at the provider must come back within this time. */
const LOGIN_TTL_MS = 10 * 60_000;

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * Sign-in through the province's identity provider (统一身份认证): authorization code with PKCE, a state
 * and a nonce kept in PostgreSQL between the two legs (any API process may receive the callback). The
 * person is found by the provider's subject, else by the ID-number claim (a reserved or registered
 * account is linked), else a citizen account is made: the provider has verified their real name.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly registry: RegistryLookups,
    private readonly sessions: SessionsService,
    private readonly clock: ClockService,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw notFound('identity.oidc_not_configured', 'Sign-in through an identity provider is not configured (OIDC_ISSUER).');
    return this.config.oidc;
  }

  /** Discovered once per process; a failure is forgotten so the next sign-in tries again. */
  private provider(): Promise<oidc.Configuration> {
    const settings = this.settings();
    if (!this.configuration) {
      const issuer = new URL(settings.issuer);
      // Plain http only to a provider on this machine (tests, a local mock of the province's provider).
      const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [oidc.allowInsecureRequests] : [];
      this.configuration = oidc.discovery(issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), { execute }).catch((error: unknown) => {
        this.configuration = null;
        this.logger.warn(`OpenID discovery at ${settings.issuer} failed: ${(error as Error).message}`);
        throw new ProblemException(HttpStatus.BAD_GATEWAY, 'identity.oidc_unavailable', 'The identity provider cannot be reached; try again later.');
      });
    }
    return this.configuration;
  }

  /** The provider's authorization URL to send the browser to. */
  async loginUrl(requestOrigin: string): Promise<string> {
    const settings = this.settings();
    const configuration = await this.provider();
    const redirectUri = settings.redirectUri ?? `${requestOrigin}/api/auth/oidc/callback`;
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.txHost.tx.getRepository(OidcLogin).insert({ state, codeVerifier, nonce, redirectUri, expiresAt: new Date(this.clock.now().getTime() + LOGIN_TTL_MS) });
    await this.txHost.tx.query('DELETE FROM oidc_login WHERE expires_at < now()');
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: settings.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return url.href;
  }

  /** Finishes the sign-in the provider sent back (`query`: the callback's query string). */
  async callback(query: URLSearchParams): Promise<IssuedSession & { account: PersonAccount }> {
    const settings = this.settings();
    const state = query.get('state');
    if (query.get('error')) {
      throw badRequest('identity.oidc_refused', `The identity provider refused the sign-in: ${query.get('error')}.`, [{ path: 'error', message: query.get('error')! }]);
    }
    if (!state) throw badRequest('identity.oidc_state_unknown', 'The sign-in carries no state; start again.', [{ path: 'state', message: 'missing' }]);
    const login = await this.txHost.tx.getRepository(OidcLogin).findOneBy({ state });
    if (!login || login.expiresAt.getTime() < this.clock.now().getTime()) {
      throw badRequest('identity.oidc_state_unknown', 'This sign-in is unknown or took too long; start again.', [{ path: 'state', message: 'unknown or expired' }]);
    }
    // Each state is used once, whatever happens next.
    await this.txHost.tx.getRepository(OidcLogin).delete({ state });
    const configuration = await this.provider();
    const currentUrl = new URL(login.redirectUri);
    currentUrl.search = query.toString();
    let claims: Record<string, unknown>;
    let subject: string;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      subject = idClaims.sub;
      claims = { ...idClaims };
      if (claims[settings.idNumberClaim] === undefined || claims[settings.nameClaim] === undefined) {
        Object.assign(claims, await oidc.fetchUserInfo(configuration, tokens.access_token, subject));
      }
    } catch (error) {
      this.logger.warn(`OpenID sign-in failed: ${(error as Error).message}`);
      throw badRequest('identity.oidc_failed', 'The identity provider did not confirm the sign-in; start again.', [{ path: 'code', message: 'not accepted by the provider' }]);
    }
    const idNumber = claims[settings.idNumberClaim];
    const name = claims[settings.nameClaim];
    if (typeof idNumber !== 'string' || typeof name !== 'string' || name.trim() === '') {
      throw badRequest('identity.oidc_claims_missing', `The provider sent no ${settings.idNumberClaim} or ${settings.nameClaim} claim.`, [
        { path: settings.idNumberClaim, message: 'required claim missing' },
      ]);
    }
    const account = await this.accountFor(configuration.serverMetadata().issuer, subject, idNumber, name.trim());
    if (account.disabled) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'identity.account_disabled', 'This account is disabled.');
    return { ...(await this.sessions.start(account, 'oidc')), account };
  }

  @Transactional()
  private async accountFor(issuer: string, subject: string, idNumber: string, name: string): Promise<PersonAccount> {
    const links = this.txHost.tx.getRepository(IdentityLink);
    const linked = await links.findOneBy({ issuer, subject });
    if (linked) {
      const account = await this.users.findPerson(linked.userId);
      if (account) return account;
    }
    const parsed = checkedIdNumber(idNumber, settingsPath(this.config), this.clock.now());
    await this.users.lockIdNumber(idNumber);
    const existing = await this.users.findByIdNumber(idNumber);
    const person = await this.registry.person(idNumber);
    const facts = personFacts(parsed, null, person);
    const account = existing
      ? existing.reservedAt
        ? await this.users.claimReserved(existing.id, { password: null, facts, realNameVerified: true })
        : existing
      : await this.users.createAccount({ password: null, displayName: name, idNumber, facts, realNameVerified: true });
    await links.upsert({ issuer, subject, userId: account.id }, ['issuer', 'subject']);
    return account;
  }
}

const settingsPath = (config: AppConfig) => config.oidc?.idNumberClaim ?? 'id_number';
