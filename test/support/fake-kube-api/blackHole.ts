/**
 * A TCP server that accepts connections and never sends a byte: not even a TLS handshake. It
 * stands for an API server behind a dead load balancer, where only a client-side timer helps.
 */
import { createServer, type Socket } from 'node:net';

/** A running black hole. */
export interface BlackHole {
  /** `https://127.0.0.1:<port>`: what a kubeconfig would name. */
  readonly url: string;
  /** How many connections it has swallowed. */
  readonly accepted: () => number;
  /** Closes the listener and every swallowed connection. */
  stop(): Promise<void>;
}

/** Starts a black hole on 127.0.0.1 on a free port. */
export async function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('black hole: no TCP address');
  return {
    url: `https://127.0.0.1:${address.port}`,
    accepted: () => count,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
