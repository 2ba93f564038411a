import type { WebSocketLike } from '@/transport/websocket-transport';

/** Just enough of a WebSocket: the test opens, closes and feeds it frames. */
export class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  static latest(): FakeSocket {
    const socket = FakeSocket.all[FakeSocket.all.length - 1];
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }
  readyState = 0;
  sent: { type: string; id: number; channel: string; payload: unknown }[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.serverClose();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverClose(): void {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  respond(index: number, result: unknown): void {
    this.receive({ type: 'response', id: this.sent[index]!.id, result });
  }
}
