import { HttpStatus } from '@nestjs/common';
import { ProblemException, badRequest } from '../http/problem.js';
import { ALLOWED_TYPES } from './content-type.js';
import type { ArchiveProblem } from './zip-directory.js';

const ALLOWED = Object.keys(ALLOWED_TYPES);

export const fileTooLarge = (maxBytes: number) =>
  new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'file.too_large', `The file is larger than the limit of ${maxBytes} bytes.`, [
    { path: 'file', message: `must be at most ${maxBytes} bytes` },
  ], { maxBytes });

export const fileTypeNotAllowed = (detectedType: string) =>
  new ProblemException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'file.type_not_allowed',
    `The file's content is ${detectedType}; allowed are ${ALLOWED.join(', ')}. The file name and the declared type do not count.`,
    [{ path: 'file', message: `content is ${detectedType}, which is not allowed` }],
    { detectedType, allowedTypes: ALLOWED },
  );

export const fileEmpty = () => badRequest('file.empty', 'The file is empty.', [{ path: 'file', message: 'must not be empty' }]);

export const fileMissing = () =>
  badRequest('file.missing', 'Send the file as multipart/form-data in a field named "file".', [{ path: 'file', message: 'required' }]);

/** An OFD package that is a ZIP no one should unpack: zip slip, or far more entries or bytes than a document. */
export const fileUnsafeArchive = (problem: ArchiveProblem) =>
  new ProblemException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'file.unsafe_archive',
    `The archive ${problem.message}.`,
    [{ path: 'file', message: problem.message }],
    { reason: problem.reason },
  );
