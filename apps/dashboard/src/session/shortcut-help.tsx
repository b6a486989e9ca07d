'use client';
import { navItems } from './nav-items.ts';

const pageShortcuts: [string, string][] = [
  ['/', 'Focus the page’s search or filter'],
  ['j / k', 'Next / previous row (data, logs)'],
  ['Enter', 'Edit the selected document'],
  ['n', 'New document (data)'],
  ['Ctrl+Enter', 'Run the function (functions), save (editors)'],
  ['p', 'Pause / resume the log tail'],
  ['Esc', 'Close a dialog'],
];

/** The keyboard shortcut sheet (`?`). */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={onClose}>
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table className="plain">
          <tbody>
            {navItems.map((item) => (
              <tr key={item.href}>
                <td>
                  <kbd>g</kbd> <kbd>{item.key}</kbd>
                </td>
                <td>{item.label}</td>
              </tr>
            ))}
            {pageShortcuts.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
