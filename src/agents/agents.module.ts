import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { AgentsController } from './agents.controller.js';
import { AgentsService } from './agents.service.js';

/** 帮办代办: authorisations to apply on another's behalf. Cases ask it before an agent applies. */
@Module({ imports: [UsersModule, CatalogModule, NotificationsModule], controllers: [AgentsController], providers: [AgentsService], exports: [AgentsService] })
export class AgentsModule {}
