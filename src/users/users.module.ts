import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UserSessions } from './user-sessions.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({ imports: [NotificationsModule, CatalogModule], controllers: [UsersController], providers: [UsersService, UserSessions], exports: [UsersService, UserSessions] })
export class UsersModule {}
