import { describe, expect, test } from 'vitest';
import { errorBodyOf, errorBodySchema } from './error-body.ts';
import {
  PROTOCOL_ERROR_CODES,
  httpStatusOf,
  isProtocolErrorCode,
  webSocketActionOf,
} from './error-codes.ts';
import { parseHttpBody } from './http/parse-http-body.ts';
import { ProtocolError, isProtocolError, protocolErrorFromUnknown } from './protocol-error.ts';

describe('PROTOCOL_ERROR_CODES', () => {
  test('maps the codes the spec names to their HTTP status', () => {
    expect(
      Object.fromEntries(
        (
          [
            'BadFormat',
            'InvalidAdminKey',
            'InvalidAuthHeader',
            'BadDeployKey',
            'InvalidClientVersion',
            'MissingIdentifier',
            'BaseVersionMismatch',
            'WSMessageInvalidJson',
            'TooManyConcurrentMutations',
            'AuthConfigMissingEnvironmentVariable',
            'RaceDetected',
            'ExportInProgress',
            'MissingExistingModule',
            'ExistingModuleHashConflict',
            'NodeVersionNotSupported',
            'InternalServerError',
            'OptimisticConcurrencyControlFailure',
            'ClientDisconnected',
            'Unauthenticated',
            'NotFound',
          ] as const
        ).map((code) => [code, httpStatusOf(code)]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "AuthConfigMissingEnvironmentVariable": 400,
        "BadDeployKey": 403,
        "BadFormat": 400,
        "BaseVersionMismatch": 400,
        "ClientDisconnected": 408,
        "ExistingModuleHashConflict": 409,
        "ExportInProgress": 409,
        "InternalServerError": 500,
        "InvalidAdminKey": 400,
        "InvalidAuthHeader": 400,
        "InvalidClientVersion": 400,
        "MissingExistingModule": 409,
        "MissingIdentifier": 400,
        "NodeVersionNotSupported": 400,
        "NotFound": 404,
        "OptimisticConcurrencyControlFailure": 503,
        "RaceDetected": 400,
        "TooManyConcurrentMutations": 429,
        "Unauthenticated": 401,
        "WSMessageInvalidJson": 400,
      }
    `);
  });

  test('says how each connection-ending error closes a WebSocket', () => {
    const actions = Object.fromEntries(
      Object.keys(PROTOCOL_ERROR_CODES)
        .filter(isProtocolErrorCode)
        .flatMap((code) => {
          const action = webSocketActionOf(code);
          return action === undefined
            ? []
            : [[code, action.kind === 'fatal' ? 'FatalError' : action.closeCode]];
        }),
    );
    expect(actions).toMatchInlineSnapshot(`
      {
        "BaseVersionMismatch": "FatalError",
        "ClientDisconnected": 1000,
        "Forbidden": 1000,
        "InternalServerError": 1011,
        "NotFound": 1000,
        "OptimisticConcurrencyControlFailure": 1013,
        "Overloaded": 1013,
        "RateLimited": 1013,
        "TemporarilyUnavailable": 1013,
        "TooManyConcurrentMutations": 1013,
        "TooManyConcurrentRequests": 1013,
        "WSMessageInvalidJson": "FatalError",
      }
    `);
  });

  test('every 5xx that can end a connection makes the client reconnect, never stop', () => {
    for (const code of Object.keys(PROTOCOL_ERROR_CODES).filter(isProtocolErrorCode)) {
      if (httpStatusOf(code) >= 500) expect(webSocketActionOf(code)?.kind, code).not.toBe('fatal');
    }
  });

  test('isProtocolErrorCode knows only table keys', () => {
    expect(isProtocolErrorCode('BadFormat')).toBe(true);
    expect(isProtocolErrorCode('toString')).toBe(false);
    expect(isProtocolErrorCode(400)).toBe(false);
  });
});

describe('ProtocolError', () => {
  test('carries code, path and cause', () => {
    const cause = new Error('inner');
    const error = new ProtocolError(
      'BadJsonBody',
      'POST /api/query body.path: expected a string, received 5',
      { path: ['path'], cause },
    );
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.path, error.cause]).toEqual([
      'ProtocolError',
      'BadJsonBody',
      ['path'],
      cause,
    ]);
    expect(Object.isFrozen(error.path)).toBe(true);
    expect(errorBodyOf(error)).toMatchInlineSnapshot(`
      {
        "code": "BadJsonBody",
        "message": "POST /api/query body.path: expected a string, received 5",
      }
    `);
  });

  test('isProtocolError narrows, optionally by code, and recognises other copies by brand', () => {
    const error = new ProtocolError('NotFound', 'nope');
    expect(isProtocolError(error)).toBe(true);
    expect(isProtocolError(error, 'NotFound')).toBe(true);
    expect(isProtocolError(error, 'BadFormat')).toBe(false);
    expect(isProtocolError(new Error('x'))).toBe(false);
    expect(isProtocolError(null)).toBe(false);
    const foreign = Object.assign(new Error('copy'), {
      code: 'NotFound',
      [Symbol.for('selfhost.ProtocolError')]: true,
    });
    expect(isProtocolError(foreign, 'NotFound')).toBe(true);
  });

  test('protocolErrorFromUnknown keeps ProtocolErrors and wraps anything else with its stack', () => {
    const original = new ProtocolError('RaceDetected', 'env changed');
    expect(protocolErrorFromUnknown(original)).toBe(original);
    const cause = new TypeError('boom');
    const wrapped = protocolErrorFromUnknown(cause);
    expect([wrapped.code, wrapped.message, wrapped.cause, wrapped.stack]).toEqual([
      'InternalServerError',
      'boom',
      cause,
      cause.stack,
    ]);
    expect(protocolErrorFromUnknown('text', 'Overloaded').message).toBe('text');
    expect(protocolErrorFromUnknown(42).message).toBe('Unknown error');
  });
});

describe('errorBodySchema', () => {
  test('reads any server error body, dropping extra fields', () => {
    expect(
      parseHttpBody(errorBodySchema, { code: 'X', message: 'y', trace: 't' }, 'error response'),
    ).toEqual({ code: 'X', message: 'y' });
    expect(() =>
      parseHttpBody(errorBodySchema, { code: 'X' }, 'error response'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ProtocolError: error response body.message: missing required field]`,
    );
  });
});
