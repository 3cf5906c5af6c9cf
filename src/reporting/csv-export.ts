import { Injectable, SetMetadata, UseInterceptors, applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { toCsv, type CsvColumn } from './csv.js';

const CSV_EXPORT = Symbol('CSV_EXPORT');

export interface CsvExportSpec<T> {
  /** The download's file name, without `.csv`. */
  filename: string;
  columns: readonly CsvColumn<T>[];
}

/** `?format=csv` on a report: every query DTO of an exportable endpoint extends this. */
export class ExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv (UTF-8 with BOM) also by `Accept: text/csv`' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** Whether the caller asked for CSV, by `?format=csv` or by preferring text/csv in Accept. */
export function wantsCsv(request: Request): boolean {
  const format = (request.query as Record<string, unknown>).format;
  if (format !== undefined) return format === 'csv';
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/**
 * Turns a report's `{ items }` into a CSV download when the caller asks for one; the JSON answer is
 * otherwise untouched, so the service computes the report once for both.
 */
@Injectable()
export class CsvExportInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<CsvExportSpec<unknown> | undefined>(CSV_EXPORT, context.getHandler());
    const http = context.switchToHttp();
    if (!spec || !wantsCsv(http.getRequest<Request>())) return next.handle();
    return next.handle().pipe(
      map((body: { items: unknown[]; nextCursor?: string | null }) => {
        const response = http.getResponse<Response>();
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.setHeader('Content-Disposition', `attachment; filename="${spec.filename}.csv"`);
        // A paginated list exports one page; the way to the next travels beside the file.
        if (body.nextCursor) response.setHeader('X-Next-Cursor', body.nextCursor);
        return toCsv(spec.columns, body.items);
      }),
    );
  }
}

/** Marks a report endpoint as exportable as CSV with these columns. */
export function CsvExport<T>(spec: CsvExportSpec<T>): MethodDecorator {
  return applyDecorators(SetMetadata(CSV_EXPORT, spec), UseInterceptors(CsvExportInterceptor), ApiProduces('application/json', 'text/csv'));
}
