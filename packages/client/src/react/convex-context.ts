import { createContext } from 'react';
import type { ConvexReactClient } from './convex-react-client.ts';

/**
 * @internal The React context holding the {@link ConvexReactClient}; `undefined` outside a
 * provider.
 *
 * @example
 * ```ts
 * const client = useContext(ConvexContext);
 * ```
 */
export const ConvexContext = createContext<ConvexReactClient | undefined>(undefined);
