'use client';
import { useState, type ReactNode } from 'react';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** When given, the user must type this text to confirm (for destructive actions on a whole table). */
  typeToConfirm?: string | undefined;
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** A confirmation dialog for destructive actions, with the failure shown in place. */
export function ConfirmDialog({ title, children, confirmLabel, typeToConfirm, onConfirm, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = typeToConfirm === undefined || typed === typeToConfirm;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="overlay" role="dialog" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog">
        <h2>{title}</h2>
        {children}
        {typeToConfirm !== undefined && (
          <label>
            Type <code>{typeToConfirm}</code> to confirm:{' '}
            <input autoFocus aria-label="Confirmation" value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && ready && void confirm()} />
          </label>
        )}
        {error !== null && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="row">
          <button className="danger" disabled={!ready || busy} autoFocus={typeToConfirm === undefined} onClick={() => void confirm()}>
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
