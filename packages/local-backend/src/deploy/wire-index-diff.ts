import type { IndexDiff as DatabaseIndexDiff } from '@selfhost/database';
import type { IndexDiff } from '@selfhost/protocol';

/**
 * The database's index diff in the CLI's wire shape (snake_case keys, as the CLI expects).
 *
 * @example
 * wireIndexDiff(change.diff).added_indexes;
 */
export function wireIndexDiff(diff: DatabaseIndexDiff): IndexDiff {
  const copy = (entries: DatabaseIndexDiff['added_indexes']) =>
    entries.map((entry) => {
      switch (entry.type) {
        case 'database':
          return { name: entry.name, type: entry.type, fields: [...entry.fields], staged: entry.staged };
        case 'search':
          return { name: entry.name, type: entry.type, searchField: entry.searchField, filterFields: [...entry.filterFields], staged: entry.staged };
        case 'vector':
          return { name: entry.name, type: entry.type, vectorField: entry.vectorField, dimensions: entry.dimensions, filterFields: [...entry.filterFields], staged: entry.staged };
      }
    });
  return {
    added_indexes: copy(diff.added_indexes),
    removed_indexes: copy(diff.removed_indexes),
    enabled_indexes: copy(diff.enabled_indexes),
    disabled_indexes: copy(diff.disabled_indexes),
  };
}
