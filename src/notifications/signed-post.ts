import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { SIGNATURE_HEADER, isInternalAddress, signBody } from '@app/notify-core';

export interface PostResult {
  /** The answer's HTTP status, or null when none came (refused, timed out, blocked). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface SignedPost {
  url: string;
  secret: string;
  body: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Refuse to connect to loopback, private and link-local addresses (webhooks: SSRF). */
  publicOnly: boolean;
}

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
}

/**
 * Resolves like the system resolver, then refuses internal addresses. Used as the socket's `lookup`, so
 * the address checked is the address connected to: a name that resolves differently at registration and
 * at delivery (DNS rebinding) is caught too.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const blocked = addresses.find((entry) => isInternalAddress(entry.address));
    if (blocked || addresses.length === 0) {
      return callback(new BlockedAddressError(`${hostname} resolves to an internal address`), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * POSTs JSON signed with `X-Ywtb-Signature: sha256=<HMAC of the body>`. Never throws: every outcome is a
 * result, and no redirect is followed (a 3xx is a failed attempt). Error texts name no body content.
 */
export function signedPost(post: SignedPost): Promise<PostResult> {
  const started = performance.now();
  const body = JSON.stringify(post.body);
  const url = new URL(post.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      resolve({ statusCode, error, durationMs: Math.round(performance.now() - started) });
    };
    const request = send(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'ywtb-notifications/1',
          [SIGNATURE_HEADER]: signBody(post.secret, body),
          ...post.headers,
        },
        timeout: post.timeoutMs,
        ...(post.publicOnly ? { lookup: publicOnlyLookup } : {}),
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () => finish(status, status >= 200 && status < 300 ? null : `HTTP ${status}`));
        response.on('error', (error) => finish(status, error.message));
      },
    );
    request.on('timeout', () => {
      request.destroy(new Error(`no answer within ${post.timeoutMs} ms`));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish(null, error instanceof BlockedAddressError ? error.message : `${error.code ?? 'error'}: ${error.message}`));
    request.end(body);
  });
}

export const delivered = (result: PostResult) => result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
