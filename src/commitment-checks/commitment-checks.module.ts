import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CommitmentChecksService } from './commitment-checks.service.js';

/**
 * 告知承诺 checks: owns `commitment_check`. The cases module opens checks through CommitmentChecksService
 * when a rule approves a case on its commitment; CommitmentDecisionsModule (src/commitment-decisions) serves the clerks.
 */
@Module({ imports: [CatalogModule, CalendarModule], providers: [CommitmentChecksService], exports: [CommitmentChecksService] })
export class CommitmentChecksModule {}
