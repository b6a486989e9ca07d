/**
 * The client's view of its connection to the backend.
 *
 * @example
 * ```ts
 * const { isWebSocketConnected, inflightMutations } = client.connectionState();
 * ```
 */
export type ConnectionState = {
  /** Whether any mutation or action is unfinished. */
  hasInflightRequests: boolean;
  isWebSocketConnected: boolean;
  /** When the oldest unanswered request was made. */
  timeOfOldestInflightRequest: Date | null;
  /** Whether a WebSocket has ever been open and announced (`Connect` sent). */
  hasEverConnected: boolean;
  /** How many times a WebSocket has opened. A high number means an unstable connection. */
  connectionCount: number;
  /** Failed connection attempts since the last fully re-synced connection. */
  connectionRetries: number;
  inflightMutations: number;
  inflightActions: number;
};
