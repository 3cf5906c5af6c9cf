import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { badRequest } from '../http/problem.js';
import { CounterCaseDto, CounterCaseView } from './counter.dto.js';
import { CounterService } from './counter.service.js';

const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;

@ApiTags('counter')
@ApiBearerAuth()
@Controller('counter')
export class CounterController {
  constructor(private readonly counter: CounterService) {}

  @Post('cases')
  @Roles('clerk')
  @ApiOperation({ summary: '窗口代录: enter an application for a walk-in applicant, identified by ID number and name' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a repeat with the same key returns the same case' })
  @ApiCreatedResponse({ type: CounterCaseView })
  @ApiBadRequestResponse({ description: '`identity.invalid_id_number` (path applicant.idNumber), `case.unknown_item`, `case.invalid_application`, `validation_failed`' })
  @ApiForbiddenResponse({ description: 'not a clerk (a citizen calling the counter)' })
  @ApiUnprocessableEntityResponse({ description: '`counter.name_mismatch`: the name differs from the registry or the existing account' })
  enter(@CurrentUser() clerk: Caller, @Body() body: CounterCaseDto, @Headers('idempotency-key') key: string | undefined): Promise<CounterCaseView> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw badRequest('case.invalid_idempotency_key', 'Idempotency-Key must be 8–128 letters, digits, _ . : or -.', [{ path: 'Idempotency-Key', message: 'invalid' }]);
    }
    return this.counter.enter(clerk, body, key);
  }
}
