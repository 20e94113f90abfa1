// Replays stored histories of real referral and regional issue workflows against the current code (the workflow type
// comes from each history): a change that is not replay-safe for running workflows (without patched()) fails here. See
// workflows/histories/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';

const HISTORIES = join(__dirname, '..', '..', 'histories');
const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

describe('stored referral and regional issue histories replay on the current workflow code', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  // As the worker runs them: with its workflow interceptor module (the request id, workflows/src/interceptors.ts).
  const interceptors = { workflowModules: [require.resolve('../interceptors')] };
  it.each(files)('%s', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../index'), interceptors }, history, file.replace(/\.json$/, '')),
    ).resolves.toBeUndefined();
  });
});
