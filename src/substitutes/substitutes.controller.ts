import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { Problems } from '../http/problems.decorator.js';
import { MySubstitutesView, SetSubstituteDto } from './substitution.dto.js';
import { SubstitutesService } from './substitutes.service.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Roles('clerk')
@Controller('my/substitute')
export class SubstitutesController {
  constructor(private readonly substitutes: SubstitutesService) {}

  @Get()
  @ApiOkResponse({ type: MySubstitutesView })
  @ApiOperation({ summary: 'The substitute the caller named, and the colleagues the caller stands in for' })
  get(@CurrentUser() caller: Caller): Promise<MySubstitutesView> {
    return this.substitutes.mine(caller);
  }

  @Put()
  @ApiOkResponse({ type: MySubstitutesView })
  @ApiOperation({ summary: 'Name a substitute for an absence (代岗): in the window they see and work your tasks' })
  @Problems({
    400: ['substitute.window', 'substitute.self', 'substitute.not_a_clerk', 'substitute.other_department'],
    403: ['substitute.no_department'],
    409: ['substitute.overlapping'],
  })
  set(@CurrentUser() caller: Caller, @Body() body: SetSubstituteDto): Promise<MySubstitutesView> {
    return this.substitutes.set(caller, body);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'no substitute any more: your tasks are yours alone' })
  @ApiOperation({ summary: 'End the substitution' })
  async clear(@CurrentUser() caller: Caller): Promise<void> {
    await this.substitutes.clear(caller);
  }
}
