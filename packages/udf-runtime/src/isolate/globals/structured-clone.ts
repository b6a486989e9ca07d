import { defineGlobal } from '../define-global.ts';
import { Blob, File } from './blob.ts';
import { DOMException } from './dom-exception.ts';

const ERROR_TYPES: Readonly<Record<string, ErrorConstructor>> = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

function cloneValue(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new DOMException(`${typeof value === 'function' ? 'function' : 'Symbol()'} could not be cloned.`, 'DataCloneError');
  }
  if (typeof value !== 'object' || value === null) return value;
  const existing = seen.get(value);
  if (existing !== undefined) return existing;
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (value instanceof ArrayBuffer) {
    const copy = value.slice(0);
    seen.set(value, copy);
    return copy;
  }
  if (ArrayBuffer.isView(value)) {
    const buffer = cloneValue(value.buffer, seen) as ArrayBuffer;
    if (value instanceof DataView) return new DataView(buffer, value.byteOffset, value.byteLength);
    const Ctor = (value as unknown as { constructor: new (buffer: ArrayBuffer, offset: number, length: number) => unknown }).constructor;
    return new Ctor(buffer, value.byteOffset, (value as unknown as { length: number }).length);
  }
  if (value instanceof File) return new File([value], value.name, { type: value.type, lastModified: value.lastModified });
  if (value instanceof Blob) return new Blob([value], { type: value.type });
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) copy.set(cloneValue(k, seen), cloneValue(v, seen));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    seen.set(value, copy);
    for (const v of value) copy.add(cloneValue(v, seen));
    return copy;
  }
  if (value instanceof Error) {
    const Ctor = ERROR_TYPES[value.name] ?? Error;
    const copy = new Ctor(value.message);
    seen.set(value, copy);
    if (value.stack !== undefined) copy.stack = value.stack;
    if ('cause' in value) (copy as { cause?: unknown }).cause = cloneValue(value.cause, seen);
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    value.forEach((entry, index) => {
      copy[index] = cloneValue(entry, seen);
    });
    return copy;
  }
  const tag = Object.prototype.toString.call(value);
  if (tag !== '[object Object]') throw new DOMException(`${tag.slice(8, -1)} object could not be cloned.`, 'DataCloneError');
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const key of Object.keys(value)) copy[key] = cloneValue((value as Record<string, unknown>)[key], seen);
  return copy;
}

/**
 * Installs `structuredClone` (the structured clone algorithm for the types a function can
 * hold; no transfer list).
 *
 * @example
 * ```ts
 * installStructuredClone();
 * structuredClone({ a: new Map([[1, 2]]) });
 * ```
 * @internal
 */
export function installStructuredClone(): void {
  defineGlobal('structuredClone', (value: unknown, options?: { transfer?: unknown[] }) => {
    if (options?.transfer !== undefined && options.transfer.length > 0) throw new DOMException('Transferring is not supported', 'DataCloneError');
    return cloneValue(value, new Map());
  });
}
