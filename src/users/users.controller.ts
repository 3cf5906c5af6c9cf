import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { UserView } from '../auth/login.dto.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { CreateUserDto, ProfileView, StaffPage, StaffView, UpdateUserDto } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOkResponse({ type: UserView })
  @ApiOperation({ summary: 'The caller: id, username, roles, department, display name' })
  me(@CurrentUser() caller: Caller): Caller {
    return caller;
  }

  @Get('my/profile')
  @Roles('citizen')
  @ApiOkResponse({ type: ProfileView, description: "The holder's own details, for pre-filling application forms" })
  @ApiOperation({ summary: "The citizen's own name, ID number and phone (or enterprise details), for pre-filling forms" })
  profile(@CurrentUser() caller: Caller): Promise<ProfileView> {
    return this.users.profile(caller.id);
  }

  @Get('users')
  @Roles('admin')
  @ApiOkResponse({ type: StaffPage })
  @ApiOperation({ summary: 'Staff accounts, a page at a time' })
  list(@Query() query: PageQuery): Promise<Page<StaffView>> {
    return this.users.list(query);
  }

  @Post('users')
  @Roles('admin')
  @ApiCreatedResponse({ type: StaffView })
  @ApiOperation({ summary: 'Create a staff account' })
  @Problems({ 400: ['user.department_required', 'user.unknown_department'], 409: ['user.username_taken'] })
  create(@Body() body: CreateUserDto): Promise<StaffView> {
    return this.users.create(body);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOkResponse({ type: StaffView })
  @ApiOperation({ summary: 'Change a staff account (roles, department, password, disabled); its sessions end' })
  @Problems({ 400: ['user.department_required', 'user.unknown_department'], 404: ['user.not_found'] })
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateUserDto): Promise<StaffView> {
    return this.users.update(id, body);
  }
}
