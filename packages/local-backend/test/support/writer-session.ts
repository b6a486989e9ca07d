import { once } from 'node:events';
import WebSocket from 'ws';

/** A sync session that keeps one mutation queued on the server until it is stopped. */
export interface WriterSession {
  /** Stops sending, waits for the answers still due and closes. */
  stop(): Promise<{ readonly sent: number; readonly succeeded: number }>;
}

/**
 * Opens a raw sync session (`/api/<version>/sync`) and sends `udfPath` with `args` `depth`
 * times, then once more for every `MutationResponse`, at most `max` times in all. The server
 * runs a session's mutations one at a time, the next one right after the previous commit, so
 * some write of this session is in progress at every moment until `stop()`.
 *
 * @example
 * const writer = await startWriterSession(`${ctx.url}/api/1.48.0/sync`, { udfPath: 'counter:touch', args: { id } });
 * await writer.stop();
 */
export async function startWriterSession(
  url: string,
  mutation: { readonly udfPath: string; readonly args: unknown },
  limits: { readonly depth: number; readonly max: number } = { depth: 8, max: 20_000 },
): Promise<WriterSession> {
  const ws = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false });
  await once(ws, 'open');
  ws.send(JSON.stringify({ type: 'Connect', sessionId: crypto.randomUUID(), connectionCount: 0, lastCloseReason: 'InitialConnect', clientTs: Date.now() }));
  let sent = 0;
  let answered = 0;
  let succeeded = 0;
  let stopping = false;
  let drained: (() => void) | undefined;
  const send = () => {
    ws.send(JSON.stringify({ type: 'Mutation', requestId: sent, udfPath: mutation.udfPath, args: [mutation.args] }));
    sent += 1;
  };
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string; success?: boolean };
    if (message.type !== 'MutationResponse') return;
    answered += 1;
    if (message.success === true) succeeded += 1;
    if (!stopping && sent < limits.max) send();
    if (answered === sent) drained?.();
  });
  // Closed by the server: no more answers will come.
  const closed = once(ws, 'close').then(() => drained?.());
  for (let i = 0; i < limits.depth; i += 1) send();
  return {
    stop: async () => {
      stopping = true;
      if (answered < sent && ws.readyState === WebSocket.OPEN) await new Promise<void>((resolve) => (drained = resolve));
      ws.close();
      await closed;
      return { sent, succeeded };
    },
  };
}
