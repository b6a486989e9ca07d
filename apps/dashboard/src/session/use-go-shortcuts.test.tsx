import { cleanup, fireEvent, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useGoShortcuts } from './use-go-shortcuts.ts';

afterEach(cleanup);

const press = (key: string, target: Window | HTMLElement = window) => fireEvent.keyDown(target, { key });

describe('useGoShortcuts', () => {
  test('g then d goes to the data page', () => {
    const go = vi.fn();
    renderHook(() => useGoShortcuts(go, vi.fn()));
    press('d');
    expect(go).not.toHaveBeenCalled();
    press('g');
    press('d');
    expect(go).toHaveBeenCalledExactlyOnceWith('/data');
  });

  test('? toggles the shortcut help', () => {
    const toggleHelp = vi.fn();
    renderHook(() => useGoShortcuts(vi.fn(), toggleHelp));
    press('?');
    press('?');
    expect(toggleHelp).toHaveBeenCalledTimes(2);
  });

  test('keys typed into a text field are not shortcuts', () => {
    const go = vi.fn();
    const toggleHelp = vi.fn();
    renderHook(() => useGoShortcuts(go, toggleHelp));
    const { getByRole } = render(<input aria-label="search" />);
    const input = getByRole('textbox');
    press('g', input);
    press('d', input);
    press('?', input);
    expect(go).not.toHaveBeenCalled();
    expect(toggleHelp).not.toHaveBeenCalled();
  });
});
