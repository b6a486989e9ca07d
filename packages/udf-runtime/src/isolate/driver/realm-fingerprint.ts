// Captured when the runtime script runs, before any user code: user code may replace these.
const ownKeys = Reflect.ownKeys;
const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
const getPrototypeOf = Reflect.getPrototypeOf;
const same = Object.is;

/**
 * The objects whose replaced or added properties would change how later executions behave:
 * the global object and the intrinsics that libraries and the runtime itself use all the time.
 */
const WATCHED: readonly object[] = [
  globalThis,
  Object,
  Object.prototype,
  Function.prototype,
  Array,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Symbol.prototype,
  Promise,
  Promise.prototype,
  Error.prototype,
  RegExp.prototype,
  Map.prototype,
  Set.prototype,
  JSON,
  Math,
  Reflect,
];

interface Watched {
  readonly target: object;
  readonly prototype: object | null;
  readonly keys: readonly PropertyKey[];
  /** Per key: the value, or the getter and setter of an accessor. */
  readonly slots: readonly unknown[];
}

function slotsOf(target: object, keys: readonly PropertyKey[]): unknown[] {
  const slots: unknown[] = [];
  for (const key of keys) {
    const descriptor = getOwnPropertyDescriptor(target, key);
    if (descriptor === undefined) slots.push(undefined, undefined);
    else if ('value' in descriptor) slots.push(descriptor.value, descriptor.writable);
    else slots.push(descriptor.get, descriptor.set);
  }
  return slots;
}

/**
 * What the global object and the common intrinsics of this context hold, to tell whether a
 * function execution changed them. A context is only reused for the next execution of its
 * module when nothing changed (state in user modules persists between executions, as in
 * Convex; a hijacked `Array.prototype.map` or a new global does not).
 *
 * @example
 * ```ts
 * const fingerprint = RealmFingerprint.capture();
 * fingerprint.unchanged(); // true
 * ```
 * @internal
 */
export class RealmFingerprint {
  readonly #watched: readonly Watched[];

  private constructor(watched: readonly Watched[]) {
    this.#watched = watched;
  }

  static capture(): RealmFingerprint {
    return new RealmFingerprint(
      WATCHED.map((target) => {
        const keys = ownKeys(target);
        return { target, prototype: getPrototypeOf(target), keys, slots: slotsOf(target, keys) };
      }),
    );
  }

  /** Whether every watched object still has the same prototype, keys and values. */
  unchanged(): boolean {
    for (const { target, prototype, keys, slots } of this.#watched) {
      if (getPrototypeOf(target) !== prototype) return false;
      const now = ownKeys(target);
      if (now.length !== keys.length) return false;
      for (let index = 0; index < keys.length; index++) {
        if (now[index] !== keys[index]) return false;
      }
      const current = slotsOf(target, keys);
      for (let index = 0; index < slots.length; index++) {
        // `Object.is`: the global `NaN` must equal itself.
        if (!same(current[index], slots[index])) return false;
      }
    }
    return true;
  }
}
