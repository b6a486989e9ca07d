import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * A value that changes over time: read it now, or be told when it may have changed.
 *
 * @example
 * ```ts
 * const source: SubscriptionSource<number> = { getCurrentValue: () => n, subscribe: (cb) => emitter.on(cb) };
 * ```
 */
export type SubscriptionSource<TValue> = {
  readonly getCurrentValue: () => TValue;
  readonly subscribe: (onChange: () => void) => () => void;
};

/**
 * @internal Renders with the current value of `source` and re-renders when it changes. The value
 * is recomputed only after a change notification (or a new `source`), and a recomputed value
 * `isEqual` to the last one is replaced by the last one, so snapshots are stable as
 * `useSyncExternalStore` requires. Memoize `source`: a new one resubscribes.
 *
 * @example
 * ```ts
 * const state = useSubscription(useMemo(() => ({ getCurrentValue, subscribe }), [client]), sameJson);
 * ```
 */
export function useSubscription<TValue>(
  source: SubscriptionSource<TValue>,
  isEqual: (a: TValue, b: TValue) => boolean = Object.is,
): TValue {
  const cache = useMemo(
    () => ({ dirty: true, hasValue: false, value: undefined as TValue }),
    [source],
  );
  const getSnapshot = useCallback(() => {
    if (cache.dirty) {
      const next = source.getCurrentValue();
      if (!cache.hasValue || !isEqual(cache.value, next)) cache.value = next;
      cache.hasValue = true;
      cache.dirty = false;
    }
    return cache.value;
  }, [cache, source, isEqual]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribe = source.subscribe(() => {
        cache.dirty = true;
        onChange();
      });
      // Something may have changed between render and subscription: look again.
      cache.dirty = true;
      return unsubscribe;
    },
    [cache, source],
  );
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
