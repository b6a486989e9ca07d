import { httpStatusOf, isProtocolError } from '@selfhost/protocol';
import { isDatabaseError } from '@selfhost/database';
import { SystemExecutionError } from '../execution/system-execution-error.ts';
import { HttpError } from './http-error.ts';
import type { ErrorMapper } from './request-pipeline.ts';

/** Protocol errors (bad bodies, headers, formats) keep their code and its HTTP status. */
export const protocolErrorMapper: ErrorMapper = (error) =>
  isProtocolError(error) ? new HttpError(httpStatusOf(error.code), error.code, error.message) : undefined;

/** System failures while running functions: 503 for transient ones, 500 otherwise. */
export const systemErrorMapper: ErrorMapper = (error) =>
  error instanceof SystemExecutionError ? new HttpError(error.status, error.code, error.message) : undefined;

/** Database errors that reach a route directly (admin routes reading system tables). */
export const databaseErrorMapper: ErrorMapper = (error) =>
  isDatabaseError(error) ? new HttpError(error.httpStatus, error.code, error.message) : undefined;
