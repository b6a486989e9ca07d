// A stand-in for the browser WebSocket that the official client can be given
// (`webSocketConstructor`), so tests play the server: they read what the client sends and
// deliver frames to it. Test-only.

type Handler = ((event: unknown) => void) | null;

/** One fake connection; `FakeWebSocket.sockets` lists every one the client opened. */
export class FakeWebSocket {
  static readonly sockets: FakeWebSocket[] = [];
  readonly url: string;
  readonly sent: string[] = [];
  readyState = 0;
  onopen: Handler = null;
  onmessage: Handler = null;
  onclose: Handler = null;
  onerror: Handler = null;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.sockets.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.({});
    }, 0);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code: 1000, reason: '', wasClean: true }), 0);
  }

  /** The server sends a text frame. */
  deliver(text: string): void {
    this.onmessage?.({ data: text });
  }

  /** The server closes the connection. */
  serverClose(code: number, reason: string): void {
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: true });
  }

  /** Removes and returns what the client sent so far. */
  takeSent(): string[] {
    return this.sent.splice(0, this.sent.length);
  }
}
