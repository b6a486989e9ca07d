import type { Transaction } from '@selfhost/database';
import { HttpError } from '../routing/http-error.ts';
import { indexQuery } from './system-query.ts';

/** Limits of compat §1.3 / semantics §9.1 for deployment environment variables. */
export const environmentLimits = Object.freeze({
  maxCount: 512,
  maxNameLength: 256,
  maxValueBytes: 8 * 1024,
  maxTotalBytes: 512 * 1024,
});

const namePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** One requested change: a value sets the variable, `null`/missing deletes it. */
export interface EnvironmentChange {
  readonly name: string;
  readonly value?: string | null | undefined;
}

/**
 * The deployment's environment variables, as a plain object.
 *
 * @example
 * const env = await readEnvironment(tx); // { OPENAI_KEY: '…' }
 */
export async function readEnvironment(tx: Transaction): Promise<Record<string, string>> {
  const rows = await tx.query(indexQuery('_environment_variables', 'by_name')).collect();
  const env: Record<string, string> = {};
  for (const row of rows) env[row.value['name'] as string] = row.value['value'] as string;
  return env;
}

/**
 * Applies a batch of changes in one transaction, after checking each name and the limits; a bad
 * change refuses the whole batch with a message naming the variable.
 *
 * @example
 * await db.runMutation((tx) => applyEnvironmentChanges(tx, [{ name: 'KEY', value: 'v' }]));
 */
export async function applyEnvironmentChanges(tx: Transaction, changes: readonly EnvironmentChange[]): Promise<void> {
  const rows = await tx.query(indexQuery('_environment_variables', 'by_name')).collect();
  const existing = new Map(rows.map((row) => [row.value['name'] as string, row]));
  const next = new Map(rows.map((row) => [row.value['name'] as string, row.value['value'] as string]));
  for (const change of changes) {
    checkName(change.name);
    if (change.value === undefined || change.value === null) next.delete(change.name);
    else {
      checkValue(change.name, change.value);
      next.set(change.name, change.value);
    }
  }
  checkTotals(next);
  for (const [name, row] of existing) {
    const value = next.get(name);
    if (value === undefined) await tx.delete(row.id, { system: true });
    else if (value !== row.value['value']) await tx.patch(row.id, { value }, { system: true });
  }
  for (const [name, value] of next) {
    if (!existing.has(name)) await tx.insert('_environment_variables', { name, value }, { system: true });
  }
}

function checkName(name: string): void {
  if (name.length > environmentLimits.maxNameLength || !namePattern.test(name)) {
    throw new HttpError(
      400,
      'InvalidEnvironmentVariableName',
      `Environment variable name "${name.slice(0, 300)}" is invalid: names start with a letter or underscore, contain only letters, digits and underscores, and are at most ${environmentLimits.maxNameLength} characters.`,
    );
  }
}

function checkValue(name: string, value: string): void {
  const bytes = new TextEncoder().encode(value).length;
  if (bytes > environmentLimits.maxValueBytes) {
    throw new HttpError(400, 'EnvironmentVariableValueTooLarge', `The value of ${name} is ${bytes} bytes; the limit is ${environmentLimits.maxValueBytes} bytes.`);
  }
}

function checkTotals(next: ReadonlyMap<string, string>): void {
  if (next.size > environmentLimits.maxCount) {
    throw new HttpError(400, 'TooManyEnvironmentVariables', `A deployment can have at most ${environmentLimits.maxCount} environment variables; this change would make ${next.size}.`);
  }
  let total = 0;
  for (const [name, value] of next) total += name.length + new TextEncoder().encode(value).length;
  if (total > environmentLimits.maxTotalBytes) {
    throw new HttpError(400, 'EnvironmentVariablesTooLarge', `Environment variables may total at most ${environmentLimits.maxTotalBytes} bytes of names and values; this change would make ${total}.`);
  }
}
