import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ProblemException, badRequest } from '../http/problem.js';
import { UploadSpool, type SpooledUpload } from './upload-spool.js';
import { fileMissing, fileTooLarge } from './upload-problems.js';

const FIELD = 'file';

/** Multer's and busboy's errors as problems; file-system errors stay errors (500, logged). */
function toProblem(error: unknown, maxBytes: number): unknown {
  if (error instanceof ProblemException) return error;
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return fileTooLarge(maxBytes);
    if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') {
      return badRequest('upload.unexpected_file', `Send exactly one file, in the field "${FIELD}".`, [
        { path: error.field ?? FIELD, message: 'unexpected file' },
      ]);
    }
    return badRequest('upload.malformed', `The multipart body was refused: ${error.message}.`, [{ path: error.field ?? 'body', message: error.message }]);
  }
  if (error instanceof Error && (error as NodeJS.ErrnoException).syscall === undefined) {
    // busboy's parse errors ("Unexpected end of form", "Malformed part header", ...) and aborted requests.
    return badRequest('upload.malformed', `The multipart body is malformed: ${error.message}.`, [{ path: 'body', message: error.message }]);
  }
  return error;
}

/**
 * Receives `POST /api/files`: runs multer with the UploadSpool (after the guards, so nobody unauthenticated
 * gets a byte onto the disk), leaves the checked upload in `request.file`, and removes the spool file once
 * the handler is done with it, whatever happened.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly receive: RequestHandler;
  private readonly maxBytes: number;

  constructor(
    private readonly spool: UploadSpool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxBytes = config.maxUploadBytes;
    this.receive = multer({
      storage: spool,
      // Browsers send file names as raw UTF-8; busboy's default (latin1) would garble 营业执照.pdf.
      defParamCharset: 'utf8',
      limits: { fileSize: this.maxBytes, files: 1, fields: 20, fieldSize: 1024, parts: 21, headerPairs: 20 },
    }).single(FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/form-data')) throw fileMissing();
    await new Promise<void>((resolve, reject) => {
      this.receive(request, context.switchToHttp().getResponse<Response>(), (error?: unknown) =>
        error ? reject(toProblem(error, this.maxBytes)) : resolve(),
      );
    });
    const upload = request.file as unknown as SpooledUpload | undefined;
    const unknownFields = Object.keys(request.body as object);
    if (upload && unknownFields.length > 0) await this.spool.discard(upload.path);
    if (unknownFields.length > 0) {
      throw badRequest(
        'validation.failed',
        `The request has ${unknownFields.length} unknown field(s).`,
        unknownFields.map((path) => ({ path, message: `property ${path} should not exist` })),
      );
    }
    if (!upload) throw fileMissing();
    // The spool file goes before the answer does, so a client never races its own leftovers.
    return defer(async () => {
      try {
        return await lastValueFrom(next.handle());
      } finally {
        await this.spool.discard(upload.path);
      }
    });
  }
}
