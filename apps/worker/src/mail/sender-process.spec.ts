// The worker's supervision of its mail-sender process, with a stand-in entry script: started again when it fails, not
// after a clean stop, and stopped with SIGTERM, waiting for it to end.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSenderProcess } from './sender-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagu-sender-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An entry that notes each start and then does what `body` says. */
function entry(body: string): string {
  const file = join(dir, 'entry.js');
  writeFileSync(
    file,
    `require('node:fs').appendFileSync(${JSON.stringify(join(dir, 'starts'))}, 'start\\n');
     process.on('SIGTERM', () => { require('node:fs').appendFileSync(${JSON.stringify(join(dir, 'starts'))}, 'stopped\\n'); process.exit(0); });
     ${body}`,
  );
  appendFileSync(join(dir, 'starts'), '');
  return file;
}
const lines = () => readFileSync(join(dir, 'starts'), 'utf8').split('\n').filter(Boolean);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${lines().join(', ')}`);
    await sleep(20);
  }
}

it('starts the sender again after it fails, and logs it', async () => {
  const errors: string[] = [];
  const sender = startSenderProcess(
    { error: ((_: unknown, message: string) => errors.push(message)) as never },
    entry('setTimeout(() => process.exit(3), 50);'),
    100,
  );
  await until(() => lines().filter((line) => line === 'start').length >= 2);
  await sender.stop();
  expect(errors[0]).toMatch(/the mail sender ended \(code 3\); starting it again in 0.1 s/);
});

it('does not start it again after a clean stop, and stop() ends it with SIGTERM and waits', async () => {
  const clean = startSenderProcess({ error: jest.fn() as never }, entry('setTimeout(() => process.exit(0), 50);'), 100);
  await until(() => lines().length === 1);
  await sleep(400);
  expect(lines()).toEqual(['start']);
  await clean.stop();

  rmSync(join(dir, 'starts'));
  const running = startSenderProcess({ error: jest.fn() as never }, entry('setInterval(() => undefined, 1000);'), 100);
  await until(() => lines().length === 1);
  await running.stop();
  expect(lines()).toEqual(['start', 'stopped']);
});
