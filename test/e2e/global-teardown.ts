import { rmSync } from 'node:fs';
import type { RunningStack } from '../../libs/testing/src/stack/stack';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__TSUNAGU_E2E__ as { stack: RunningStack; dataDir: string } | undefined;
  if (!state) return;
  await state.stack.stop();
  rmSync(state.dataDir, { recursive: true, force: true });
}
