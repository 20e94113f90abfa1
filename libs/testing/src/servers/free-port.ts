import { readFileSync } from 'node:fs';
import { Socket, createServer } from 'node:net';

/** Lowest port tried: above the registered ports most system services use. */
const LOWEST_PORT = 10_000;
/** Ports handed out by this process: two callers in one process never get the same one, even after it was closed. */
const handedOut = new Set<number>();

/**
 * A TCP port that is free on `host` right now, below Linux's ephemeral range (32768 and up by default), checked by
 * binding it. Not one the OS picks (port 0): those come from the ephemeral range, where any outgoing connection (a
 * database pool, a Temporal service's own connections) may take the port between this check and the caller's listen;
 * an e2e file that picks its ports and starts its processes seconds later saw EADDRINUSE that way. Another process could
 * still bind the port first; the window is short and the range wide. `below`: an upper bound of its own (exclusive).
 */
export async function freePort(host = '127.0.0.1', below = 65_536): Promise<number> {
  const highest = Math.min(below, ephemeralRangeStart()) - 1;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (highest - LOWEST_PORT + 1));
    if (handedOut.has(port)) continue;
    if (await canBind(host, port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${LOWEST_PORT} and ${highest} on ${host}`);
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** First port of the range the OS hands to outgoing connections (net.ipv4.ip_local_port_range); 32768 elsewhere. */
function ephemeralRangeStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > LOWEST_PORT + 1000 ? first : 32_768;
  } catch {
    return 32_768;
  }
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
