import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FILE_STORAGE } from './file-storage.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { LocalFileStorage } from './local-file-storage.js';
import { UploadSpool } from './upload-spool.js';

/**
 * Uploads (`/api/files`) and, for other modules, FilesService.requireOwned and registerReferences (who else
 * may read a file: see FileReferences). The storage behind FILE_STORAGE
 * is chosen here, from the configuration; an S3-compatible one would be another factory branch.
 */
@Module({
  imports: [AuditModule],
  controllers: [FilesController],
  providers: [
    FilesService,
    UploadSpool,
    { provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalFileStorage(join(config.dataDir, 'files')) },
  ],
  exports: [FilesService],
})
export class FilesModule {}
