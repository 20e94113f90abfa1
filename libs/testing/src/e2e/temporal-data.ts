// Temporal payloads of the stack are encrypted (libs/temporal/src/data-key-codec.ts): a test or script that reads
// workflow results or queries needs the data converter api and worker use, built from their environment.
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { readDataKeys } from '@tsunagu/crypto';
import { tsunaguDataConverter } from '@tsunagu/temporal/data-key-codec';

/** `new Client({ connection, namespace, dataConverter: appDataConverter(state.appEnv) })` reads what the stack writes. */
export function appDataConverter(appEnv: Record<string, string | undefined>): DataConverter {
  return tsunaguDataConverter(readDataKeys(appEnv));
}

/** Whether Temporal has a workflow with this id (running or ended): a refused request must not have started one. */
export async function workflowExists(client: Client, workflowId: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}
