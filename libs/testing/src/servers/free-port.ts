import { Socket, createServer } from 'node:net';

/**
 * A TCP port that is free on `host` right now, picked by the OS (bind to port 0, read it, close).
 * Another process could take it before the caller binds it; the servers started here bind within
 * milliseconds, which makes that race negligible for tests and the dev stack.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close((err) => (err ? reject(err) : port ? resolve(port) : reject(new Error('could not read the bound port'))));
    });
  });
}

/** Whether something accepts TCP connections on host:port, e.g. to confirm a server has gone. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}
