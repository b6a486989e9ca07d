import { browserWindow } from './browser-window.ts';

/**
 * In a browser, asks the user to confirm leaving the page while `hasUnsentChanges()` (requests
 * sent and not answered). `requested` is the `unsavedChangesWarning` option: `false` skips it,
 * `true` outside a browser throws, `undefined` means "in browsers".
 *
 * @example
 * ```ts
 * installUnsavedChangesWarning(options.unsavedChangesWarning, () => requests.hasIncompleteRequests());
 * ```
 */
export function installUnsavedChangesWarning(
  requested: boolean | undefined,
  hasUnsentChanges: () => boolean,
): void {
  const window = browserWindow();
  if (window === undefined) {
    if (requested === true) {
      throw new Error(
        'unsavedChangesWarning requested, but window.addEventListener not found! Remove {unsavedChangesWarning: true} from Convex client options.',
      );
    }
    return;
  }
  if (requested === false) return;
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsentChanges()) return undefined;
    const message = 'Are you sure you want to leave? Your changes may not be saved.';
    event.preventDefault();
    event.returnValue = message;
    return message;
  });
}
