// The time-skipping test server every workflow spec runs on, from the binary scripts/install-tools.mjs installs.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { temporalTestServerPath } from '@tsunagu/testing/tools';

export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  try {
    // Quiet: injected activity failures would otherwise be logged as warnings.
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Another workflow spec in this process installed the runtime first; keep its logger.
  }
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServerPath() } } });
}
