import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback port nothing listens on right now (for what needs a fixed one, like a redirect). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
