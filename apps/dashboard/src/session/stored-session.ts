import type { AdminCredentials } from '@selfhost/client/admin';

const storageKey = 'selfhost.dashboard.session';

/**
 * The deployment URL and admin key of the signed-in session, kept in `localStorage` so a reload
 * (or another tab) stays signed in. Null when signed out or unreadable.
 *
 * @example
 * const session = readStoredSession();
 */
export function readStoredSession(): AdminCredentials | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as Partial<AdminCredentials> | null;
    if (typeof parsed?.deploymentUrl === 'string' && typeof parsed.adminKey === 'string') {
      return { deploymentUrl: parsed.deploymentUrl, adminKey: parsed.adminKey };
    }
  } catch {
    // Corrupt storage counts as signed out.
  }
  return null;
}

/** Saves the session after a successful login. */
export function writeStoredSession(credentials: AdminCredentials): void {
  window.localStorage.setItem(storageKey, JSON.stringify(credentials));
}

/** Forgets the session (log out, or a key the backend refused). */
export function clearStoredSession(): void {
  window.localStorage.removeItem(storageKey);
}
