import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { SubstitutesController } from './substitutes.controller.js';
import { SubstitutesService } from './substitutes.service.js';

/** 代岗: owns `substitution`. The work queue asks it who may work a task someone else holds. */
@Module({ imports: [UsersModule], controllers: [SubstitutesController], providers: [SubstitutesService], exports: [SubstitutesService] })
export class SubstitutesModule {}
