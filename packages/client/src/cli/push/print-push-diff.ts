import type { FinishPushDiff, IndexDiff, StartPushResponse } from '@selfhost/protocol';
import type { Reporter } from '../output/reporter.ts';
import { formatIndex } from './format-index.ts';

/**
 * Prints what a push changed in the root app's indexes, as the official CLI does
 * ("Added table indexes:", "[+] …", "Deleted table indexes:", "[-] …").
 *
 * @example
 * ```ts
 * printPushDiff(reporter, { started: started.parsed, diff, dryRun: false });
 * ```
 */
export function printPushDiff(
  reporter: Reporter,
  push: {
    readonly started: StartPushResponse;
    readonly diff: FinishPushDiff | null;
    readonly dryRun: boolean;
  },
): void {
  const { started, diff } = push;
  const rootDiff: IndexDiff | undefined =
    started.schemaChange.indexDiffs?.[''] ?? diff?.componentDiffs['']?.indexDiff;
  if (rootDiff === undefined) return;
  const would = (done: string, planned: string) => (push.dryRun ? planned : done);
  const section = (title: string, marker: string, indexes: IndexDiff['added_indexes']) => {
    if (indexes.length === 0) return;
    reporter.step(
      [title, ...indexes.map((index) => `  [${marker}] ${formatIndex(index)}`)].join('\n'),
    );
  };
  section(
    would('Deleted table indexes:', 'Would delete table indexes:'),
    '-',
    rootDiff.removed_indexes,
  );
  section(
    would('Added table indexes:', 'Would add table indexes:'),
    '+',
    rootDiff.added_indexes.filter((index) => index.staged !== true),
  );
  section(
    would('Added staged table indexes:', 'Would add staged table indexes:'),
    '+',
    rootDiff.added_indexes.filter((index) => index.staged === true),
  );
  section(
    would('These indexes are now enabled:', 'These indexes would be enabled:'),
    '*',
    rootDiff.enabled_indexes ?? [],
  );
  section(
    would('These indexes are now staged:', 'These indexes would be staged:'),
    '*',
    rootDiff.disabled_indexes ?? [],
  );
}
