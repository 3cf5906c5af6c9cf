import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { CommitmentDecisionsService } from './commitment-decisions.service.js';
import { CommitmentChecksController } from './commitment-checks.controller.js';
import { CommitmentChecksModule } from '../commitment-checks/commitment-checks.module.js';

/** The clerks' side of 告知承诺 checks; apart from CommitmentChecksModule because deciding writes the case's history (CasesModule), which opens the checks. */
@Module({ imports: [CommitmentChecksModule, CasesModule, CertificatesModule], controllers: [CommitmentChecksController], providers: [CommitmentDecisionsService] })
export class CommitmentDecisionsModule {}
