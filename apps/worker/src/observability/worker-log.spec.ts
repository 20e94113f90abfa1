import { Writable } from 'node:stream';
import { createWorkerLogger, temporalRuntimeLogger } from './worker-log';

// The real @tsunagu/persistence loads Nest, which jest cannot require; errorForLog's own spec is in libs/persistence.
jest.mock('@tsunagu/persistence', () => ({ errorForLog: (error: Error) => `${error.name}: ${error.message}\n    at somewhere` }));

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createWorkerLogger(sink) };
}

describe('the worker’s Temporal runtime logger', () => {
  it('writes each entry as one JSON line with its metadata, an error as text, below INFO not at all', async () => {
    const { lines, log } = capture();
    const logger = temporalRuntimeLogger(log);
    const failure = Object.assign(new Error('relation "x" does not exist'), { parameters: ['山田 太郎'] });
    logger.warn('Activity failed', { activityType: 'recordReferralTransition', requestId: 'req-1', error: failure });
    logger.info('update received', { sdkComponent: 'workflow', update: 'acceptReferral' });
    logger.debug('Activity started', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        service: 'worker',
        msg: 'Activity failed',
        activityType: 'recordReferralTransition',
        requestId: 'req-1',
        error: 'Error: relation "x" does not exist\n    at somewhere',
      }),
      expect.objectContaining({ level: 30, msg: 'update received', sdkComponent: 'workflow', update: 'acceptReferral' }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('山田');
  });
});
