// The validator constraint matches any document and field paths, as convex/server's does.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  isValidator,
  v,
  type GenericValidator,
  type ObjectType,
  type Validator,
  type VObject,
} from '@selfhost/values';
import { TableDefinition } from './table-definition.ts';

/**
 * Defines a table for `defineSchema`: from a validator of the whole document (an object or a
 * union of objects), or from an object of field validators.
 *
 * @example
 * ```ts
 * const messages = defineTable({ author: v.id('users'), body: v.string() }).index('by_author', ['author']);
 * ```
 */
export function defineTable<
  TDocumentSchema extends Validator<Record<string, any>, 'required', any>,
>(documentSchema: TDocumentSchema): TableDefinition<TDocumentSchema>;
/**
 * Defines a table for `defineSchema` from an object of field validators.
 *
 * @example
 * ```ts
 * const users = defineTable({ name: v.string(), email: v.optional(v.string()) });
 * ```
 */
export function defineTable<TDocumentSchema extends Record<string, GenericValidator>>(
  documentSchema: TDocumentSchema,
): TableDefinition<VObject<ObjectType<TDocumentSchema>, TDocumentSchema>>;
export function defineTable(
  documentSchema: GenericValidator | Record<string, GenericValidator>,
): TableDefinition {
  return new TableDefinition(
    isValidator(documentSchema) ? documentSchema : v.object(documentSchema),
  );
}
