import { ApiProperty } from '@nestjs/swagger';
import { ALLOWED_TYPES, type AllowedType } from './content-type.js';

/** What the API says about a stored file; the storage key stays inside. */
export class FileView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Lower-case hex SHA-256 of the content', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256: string;
  @ApiProperty({ description: 'Bytes', example: 183_204 }) size: number;
  @ApiProperty({ enum: Object.keys(ALLOWED_TYPES), description: 'Detected from the content, not from the name or the declared type' })
  contentType: AllowedType;
  @ApiProperty({ description: "The client's file name, sanitised; for display only", example: '营业执照.pdf' }) originalName: string;
  @ApiProperty() createdAt: Date;
}

/** The multipart form of `POST /api/files`, for the OpenAPI document. */
export class UploadFileForm {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, PNG, JPEG, TIFF or OFD; at most MAX_UPLOAD_BYTES (20 MiB by default)' })
  file: unknown;
}
