import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RegistryImportService } from './registry-import.service.js';
import { RegistryKeys } from './registry-keys.js';
import { RegistryLookups } from './registry-lookups.js';
import { RegistryController } from './registry.controller.js';
import { RegistryService } from './registry.service.js';

/** The population and legal-entity registries that 免申即享 runs over, fed by streamed imports. */
@Module({
  imports: [AuditModule],
  controllers: [RegistryController],
  providers: [RegistryImportService, RegistryService, RegistryKeys, RegistryLookups],
  exports: [RegistryImportService, RegistryKeys, RegistryLookups],
})
export class RegistryModule {}
