import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { badRequest, conflict, unprocessable } from '../http/problem.js';
import { RegistryLookups } from '../registry/registry-lookups.js';
import { UsersService, type PersonAccount } from '../users/users.service.js';
import { checkedIdNumber } from './id-number-check.js';
import type { RegisterDto, RegisteredView } from './identity.dto.js';
import { personFacts } from './person-facts.js';
import { SessionsService } from './sessions.service.js';
import { SmsCodesService } from './sms-codes.service.js';
import { ClockService } from '../time/clock.service.js';

/**
 * Real-name registration (实名注册): a phone proven by an SMS code, a checked ID number, one account per
 * person. A person in the population registry must give the registry's name, and is then real-name
 * verified. An account a counter clerk reserved for them is theirs: they take it over, with its cases.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly users: UsersService,
    private readonly registry: RegistryLookups,
    private readonly codes: SmsCodesService,
    private readonly sessions: SessionsService,
    private readonly clock: ClockService,
  ) {}

  async register(dto: RegisterDto): Promise<RegisteredView> {
    const parsed = checkedIdNumber(dto.idNumber, 'idNumber', this.clock.now());
    const codeId = await this.codes.verify(dto.phone, dto.code);
    const account = await this.create(dto, parsed, codeId);
    const session = await this.sessions.start(account, 'registration');
    return { id: account.id, username: account.username, realNameVerified: account.realNameVerified, ...session };
  }

  @Transactional()
  private async create(dto: RegisterDto, parsed: { gender: 'M' | 'F'; birthDate: string }, codeId: string): Promise<PersonAccount> {
    const name = dto.name.trim();
    await this.users.lockIdNumber(dto.idNumber);
    const existing = await this.users.findByIdNumber(dto.idNumber);
    if (existing && existing.reservedAt === null) {
      throw conflict('identity.person_registered', 'This person has an account already: sign in with it.', [{ path: 'idNumber', message: 'has an account already' }]);
    }
    const person = await this.registry.person(dto.idNumber);
    if (person && person.name !== name) {
      throw unprocessable('identity.registry_mismatch', 'The name does not match the population registry for this ID number.', [
        { path: 'name', message: 'does not match the population registry' },
      ]);
    }
    if (existing && existing.displayName !== name) {
      throw unprocessable('identity.registry_mismatch', 'The name does not match the one given at the counter for this ID number.', [
        { path: 'name', message: 'does not match the name given at the counter' },
      ]);
    }
    if (!(await this.codes.consume(codeId))) {
      throw badRequest('auth.sms_code_expired', 'The code was used meanwhile: ask for a new one.', [{ path: 'code', message: 'used already' }]);
    }
    const facts = personFacts(parsed, dto.phone, person);
    const realNameVerified = person !== null;
    if (existing) return this.users.claimReserved(existing.id, { username: dto.username, password: dto.password, facts, realNameVerified });
    return this.users.createAccount({ username: dto.username, password: dto.password, displayName: name, idNumber: dto.idNumber, facts, realNameVerified });
  }
}
