'use client';
import { useEffect, useState } from 'react';
import { AdminHttpError, streamFunctionLogs, type AdminCredentials } from '@selfhost/client/admin';
import { logRowsFromEntries, type LogRow } from '../../lib/log-entry.ts';

const maxRows = 5_000;
const retryMs = 2_000;

/**
 * Tails `stream_function_logs` from the start of the backend's buffer: rows arrive as the long
 * poll returns them (oldest first), capped at the newest 5000. Reconnects after errors.
 *
 * @example
 * const { rows, error } = useLogStream(credentials);
 */
export function useLogStream(credentials: AdminCredentials): { rows: LogRow[]; error: string | null } {
  const [rows, setRows] = useState<LogRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let cursor = 0;
    let sequence = 0;
    const loop = async () => {
      while (!controller.signal.aborted) {
        try {
          const { entries, newCursor } = await streamFunctionLogs(credentials, cursor, controller.signal);
          cursor = newCursor;
          setError(null);
          if (entries.length > 0) {
            const added = logRowsFromEntries(entries, sequence++);
            setRows((current) => {
              const next = current.concat(added);
              return next.length > maxRows ? next.slice(next.length - maxRows) : next;
            });
          }
        } catch (caught) {
          if (controller.signal.aborted) return;
          setError(caught instanceof AdminHttpError ? caught.message : String(caught));
          await new Promise((resolve) => setTimeout(resolve, retryMs));
        }
      }
    };
    void loop();
    return () => controller.abort();
  }, [credentials]);
  return { rows, error };
}
