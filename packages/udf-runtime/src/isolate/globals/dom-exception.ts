import { defineGlobal } from '../define-global.ts';
import { toDomString } from './to-dom-string.ts';

const CODES: Readonly<Record<string, number>> = {
  IndexSizeError: 1,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

/**
 * `DOMException`, as thrown by the Web APIs (`AbortError`, `DataCloneError`, …).
 *
 * @example
 * ```ts
 * throw new DOMException('The operation was aborted.', 'AbortError');
 * ```
 * @internal
 */
export class DOMException extends Error {
  readonly #name: string;
  constructor(message = '', name = 'Error') {
    super(message);
    this.#name = toDomString(name);
  }
  override get name(): string {
    return this.#name;
  }
  get code(): number {
    return CODES[this.#name] ?? 0;
  }
}

/**
 * Installs `DOMException`.
 *
 * @example
 * ```ts
 * installDomException();
 * ```
 * @internal
 */
export function installDomException(): void {
  defineGlobal('DOMException', DOMException);
}
