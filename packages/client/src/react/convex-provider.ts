import { createElement, type FC, type ReactNode } from 'react';
import { ConvexContext } from './convex-context.ts';
import type { ConvexReactClient } from './convex-react-client.ts';

/**
 * Makes a {@link ConvexReactClient} available to the hooks below it.
 *
 * @example
 * ```ts
 * createElement(ConvexProvider, { client: convex }, createElement(App));
 * ```
 */
export const ConvexProvider: FC<{ client: ConvexReactClient; children?: ReactNode }> = ({
  client,
  children,
}) => createElement(ConvexContext.Provider, { value: client }, children);
