import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { UsersModule } from '../users/users.module.js';
import { CounterController } from './counter.controller.js';
import { CounterService } from './counter.service.js';

/** 窗口代录: applications entered by a clerk for the person at the counter. */
@Module({ imports: [CasesModule, UsersModule, RegistryModule], controllers: [CounterController], providers: [CounterService] })
export class CounterModule {}
