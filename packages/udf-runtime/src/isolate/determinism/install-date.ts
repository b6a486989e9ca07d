import { currentTimeMs } from '../runtime-state.ts';
import { defineGlobal } from '../define-global.ts';

/**
 * Replaces `Date` so that `Date.now()`, `new Date()` and `Date()` read the phase's clock
 * (frozen in queries, mutations and while importing modules). Dates built from explicit
 * arguments are untouched, and `instanceof Date` keeps working (the prototype is shared).
 *
 * @example
 * ```ts
 * installDate();
 * new Date().getTime() === Date.now(); // true inside a query
 * ```
 * @internal
 */
export function installDate(): void {
  const EngineDate = Date;
  function DateShim(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return new EngineDate(currentTimeMs()).toString();
    const constructorArgs = args.length === 0 ? [currentTimeMs()] : args;
    return Reflect.construct(EngineDate, constructorArgs, new.target) as unknown;
  }
  Object.defineProperties(DateShim, {
    now: { value: () => currentTimeMs(), writable: true, configurable: true },
    parse: { value: EngineDate.parse, writable: true, configurable: true },
    UTC: { value: EngineDate.UTC, writable: true, configurable: true },
    prototype: { value: EngineDate.prototype, writable: false, configurable: false },
    name: { value: 'Date', configurable: true },
    length: { value: 7, configurable: true },
  });
  Object.defineProperty(EngineDate.prototype, 'constructor', { value: DateShim, writable: true, configurable: true });
  defineGlobal('Date', DateShim);
}
