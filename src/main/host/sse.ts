import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../events';

const HEARTBEAT_MS = 15_000;

/** Streams every core event to one client as Server-Sent Events until either side goes away. */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: EventBus,
  streams: Set<ServerResponse>,
  /** Gives the stream's place back (see StreamCounter). */
  release: () => void,
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  res.write(': connected\n\n');
  streams.add(res);
  const unsubscribe = events.subscribe((event) => {
    res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.delete(res);
    release();
  };
  req.on('close', stop);
  res.on('close', stop);
}
