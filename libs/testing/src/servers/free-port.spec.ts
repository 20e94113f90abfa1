import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort } from './free-port';

const ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);

describe('freePort', () => {
  it('hands out distinct ports below the ephemeral range that can be listened on', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 20; i++) ports.push(await freePort('127.0.0.1'));
    expect(new Set(ports).size).toBe(20);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(ephemeralStart);
    }
    const server = createServer();
    await new Promise<void>((ok, fail) => server.once('error', fail).listen({ host: '127.0.0.1', port: ports[0] }, ok));
    await new Promise((ok) => server.close(ok));
  });

  it('keeps below a bound of its own', async () => {
    for (let i = 0; i < 20; i++) expect(await freePort('127.0.0.1', 12_000)).toBeLessThan(12_000);
  });
});
