import type { IncomingMessage } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { jsonShapeViolation, type JsonShapeLimits } from './json-shape.js';
import { ProblemException, badRequest } from './problem.js';

/**
 * The request bodies the API reads, by content type; everything else is not parsed at all (no urlencoded
 * forms). File uploads (multipart, MAX_UPLOAD_BYTES) and registry imports (streamed) have their own limits.
 */
export const BODY_LIMITS = {
  json: 256 * 1024,
  /** Workflow definitions and service items with their form schemas: the largest documents a client sends. */
  jsonDocuments: 1024 * 1024,
  /**
   * Workflow definitions written by hand. The yaml package reads some 100 times slower than JSON.parse
   * (tens of microseconds a node): a 64 KiB definition is a large one, and costs a fraction of a second.
   */
  yaml: 64 * 1024,
} as const;

/** The routes that take JSON documents, and so the larger limit. */
const DOCUMENT_ROUTES = ['/api/workflows', '/api/service-items'];

export const JSON_SHAPE: JsonShapeLimits = { maxDepth: 32, maxMembers: 256 };

export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/** body-parser's `verify` hook: it sees the raw bytes after the size check and before JSON.parse. */
function checkJsonShape(_request: IncomingMessage, _response: unknown, bytes: Buffer, encoding: string | null): void {
  // The scan reads bytes as ASCII-compatible text; RFC 8259 wants UTF-8 on the wire anyway.
  if (encoding !== null && encoding !== 'utf-8') {
    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'request.unsupported_charset', `JSON is read as UTF-8 only, not ${encoding}.`);
  }
  const violation = jsonShapeViolation(bytes, JSON_SHAPE);
  if (violation?.kind === 'depth') {
    throw badRequest('request.too_deep', `The JSON body nests objects and arrays deeper than ${JSON_SHAPE.maxDepth} levels (byte ${violation.at}).`);
  }
  if (violation?.kind === 'members') {
    throw badRequest('request.too_many_members', `A JSON object in the body has more than ${JSON_SHAPE.maxMembers} members (byte ${violation.at}).`);
  }
}

/**
 * Sizes are checked from Content-Length before a byte is read (and counted while reading), shape before
 * parsing. The first parser that reads a body wins: later ones see it consumed and pass.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.use(DOCUMENT_ROUTES, express.json({ limit: BODY_LIMITS.jsonDocuments, verify: checkJsonShape }));
  app.use(express.json({ limit: BODY_LIMITS.json, verify: checkJsonShape }), express.text({ type: YAML_TYPES, limit: BODY_LIMITS.yaml }));
}
