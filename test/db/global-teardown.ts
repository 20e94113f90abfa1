import type { RunningPostgres } from '../../libs/testing/src/servers/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__TSUNAGU_DB__ as RunningPostgres | undefined)?.stop();
}
