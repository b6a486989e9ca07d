import { defineGlobal } from '../define-global.ts';
import { base64ToBytes } from './bytes.ts';
import { toDomString } from './to-dom-string.ts';

function domError(message: string): Error {
  const DOMExceptionClass = (globalThis as { DOMException?: new (message: string, name: string) => Error }).DOMException;
  return DOMExceptionClass ? new DOMExceptionClass(message, 'InvalidCharacterError') : new Error(message);
}

/**
 * Installs `atob` and `btoa` (Latin-1 strings ⇄ base64).
 *
 * @example
 * ```ts
 * installBase64();
 * atob(btoa('hi')); // 'hi'
 * ```
 * @internal
 */
export function installBase64(): void {
  defineGlobal('btoa', function btoa(input: unknown): string {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'btoa': 1 argument required, but only 0 present.");
    const text = toDomString(input);
    let out = '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let i = 0; i < text.length; i += 3) {
      const codes = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
      for (const code of codes) if (code > 255) throw domError('Invalid character');
      const [a = 0, b, c] = codes;
      const n = (a << 16) | ((Number.isNaN(b) ? 0 : (b ?? 0)) << 8) | (Number.isNaN(c) ? 0 : (c ?? 0));
      out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (Number.isNaN(b) ? '=' : alphabet[(n >> 6) & 63]!) + (Number.isNaN(c) ? '=' : alphabet[n & 63]!);
    }
    return out;
  });
  defineGlobal('atob', function atob(input: unknown): string {
    if (arguments.length === 0) throw new TypeError("Failed to execute 'atob': 1 argument required, but only 0 present.");
    const text = toDomString(input).replace(/[\t\n\f\r ]/g, '');
    if (/[^A-Za-z0-9+/=]/.test(text) || (text.length % 4 === 0 ? /=[^=]|={3,}/.test(text) : text.includes('='))) {
      throw domError('The string to be decoded is not correctly encoded.');
    }
    const bytes = base64ToBytes(text);
    if (bytes === null) throw domError('The string to be decoded is not correctly encoded.');
    let out = '';
    for (const b of bytes) out += String.fromCharCode(b);
    return out;
  });
}
