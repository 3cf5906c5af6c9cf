import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Caller } from '../auth/auth.decorators.js';
import { CaseSubmissionService } from '../cases/case-submission.service.js';
import { unprocessable } from '../http/problem.js';
import { checkedIdNumber } from '../identity/id-number-check.js';
import { personFacts } from '../identity/person-facts.js';
import { RegistryLookups } from '../registry/registry-lookups.js';
import { UsersService } from '../users/users.service.js';
import type { CounterCaseDto, CounterCaseView } from './counter.dto.js';
import { ClockService } from '../time/clock.service.js';

/**
 * 窗口代录: a clerk enters an application for someone at the counter. The person is identified by ID
 * number and name; their account is found, or reserved for them (no password: they take it over by
 * registering). The clerk who entered the case may not decide it (回避, through the case's `enteredBy`).
 */
@Injectable()
export class CounterService {
  constructor(
    private readonly users: UsersService,
    private readonly registry: RegistryLookups,
    private readonly submissions: CaseSubmissionService,
    private readonly clock: ClockService,
  ) {}

  @Transactional()
  async enter(clerk: Caller, dto: CounterCaseDto, idempotencyKey: string | undefined): Promise<CounterCaseView> {
    const { idNumber, phone } = dto.applicant;
    const name = dto.applicant.name.trim();
    const parsed = checkedIdNumber(idNumber, 'applicant.idNumber', this.clock.now());
    await this.users.lockIdNumber(idNumber);
    const person = await this.registry.person(idNumber);
    if (person && person.name !== name) {
      throw unprocessable('counter.name_mismatch', 'The name does not match the population registry for this ID number: check the ID card.', [
        { path: 'applicant.name', message: 'does not match the population registry' },
      ]);
    }
    let account = await this.users.findByIdNumber(idNumber);
    if (account && account.displayName !== name) {
      throw unprocessable('counter.name_mismatch', 'The name does not match the account of this ID number: check the ID card.', [
        { path: 'applicant.name', message: 'does not match the account of this ID number' },
      ]);
    }
    const reserved = account === null;
    account ??= await this.users.createAccount({
      password: null,
      displayName: name,
      idNumber,
      facts: personFacts(parsed, phone ?? null, person),
      realNameVerified: person !== null,
      reserved: true,
    });
    const { view } = await this.submissions.submitFor(
      clerk,
      { applicantId: account.id, agentId: null, enteredBy: clerk.id, channel: 'counter' },
      { serviceItemCode: dto.serviceItemCode, form: dto.form, materials: dto.materials },
      idempotencyKey,
    );
    return { id: view.id, caseNo: view.caseNo, status: view.status, channel: 'counter', applicantId: account.id, accountReserved: reserved };
  }
}
