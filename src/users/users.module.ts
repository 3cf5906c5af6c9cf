import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UserSessions } from './user-sessions.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({ imports: [NotificationsModule], controllers: [UsersController], providers: [UsersService, UserSessions], exports: [UsersService, UserSessions] })
export class UsersModule {}
