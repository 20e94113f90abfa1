// The notes the referral workflow writes for people are Japanese with JST times since the 'japanese-notes' patch
// (docs/DOMAIN.md, "Japanese in what people read"): an extension, a reminder, the automatic escalation. The stored
// histories recorded before it keep their English notes on replay (referral.replay.workflow-spec.ts); this one's
// history replays on the current code too. With TSUNAGU_RECORD_HISTORY=referral-japanese-notes it is written to
// workflows/histories/ (test data only; README there).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HandoffKind, ReferralStatus } from '@tsunagu/domain';
import { extendReferralDeadlineUpdate } from '@tsunagu/workflow-contracts';
import { coordinator, ORG_A, useReferralWorkflowHarness } from './testing/referral-test-harness';

jest.setTimeout(60_000);

const harness = useReferralWorkflowHarness('referral-japanese-notes-spec');
const { scenario, submit, move, history, row } = harness;

/** Skips the test server's clock forward to `instant` (after the wall clock: the scenario lives in 2037). */
async function skipTo(instant: string): Promise<void> {
  await harness.env.sleep(Date.parse(instant) - (await harness.env.currentTimeMs()));
}

it('writes the extension, the reminder and the automatic escalation in Japanese, with JST times', async () => {
  // Offered Mon 2037-03-02 10:00: due Thu 5 17:15, reminder Wed 4 09:00.
  await skipTo('2037-03-02T10:00:00+09:00');
  const s = scenario([ORG_A]);
  const { handle } = await submit(s);

  // Two business days more: Fri 6 (1), Mon 9 (2) -> due Mon 2037-03-09 17:15.
  await skipTo('2037-03-02T15:00:00+09:00');
  await move(handle, extendReferralDeadlineUpdate, { actor: coordinator, businessDays: 2, reason: '車両の手配中' });
  await skipTo('2037-03-04T09:01:00+09:00');
  // Past the new deadline: expired, no candidate left (UNMATCHED); 5 business days after Mon 9: Mon 16 17:15, escalated.
  await skipTo('2037-03-16T17:16:00+09:00');
  expect(row(s.referralId).status).toBe(ReferralStatus.ESCALATED);

  const notes = history(s.referralId)
    .filter((h) => h.actorUserId === null || h.kind === HandoffKind.DEADLINE_EXTENDED)
    .map((h) => [h.kind, h.note]);
  expect(notes).toEqual([
    [HandoffKind.OFFERED, null],
    [HandoffKind.DEADLINE_EXTENDED, '期限を2営業日延長しました（2037年3月9日(月) 17:15まで）'],
    [HandoffKind.REMINDED, '催促: 回答期限は2037年3月9日(月) 17:15です。期限までに回答してください'],
    [HandoffKind.EXPIRED, null],
    [HandoffKind.UNMATCHED, null],
    [HandoffKind.ESCALATED, 'つなぎ先なしのまま5営業日が過ぎたため、第1層SCへ引き継ぎました'],
  ]);

  const recorded = await handle.fetchHistory();
  await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../index') }, recorded, s.workflowId)).resolves.toBeUndefined();
  if (process.env.TSUNAGU_RECORD_HISTORY === 'referral-japanese-notes') {
    writeFileSync(
      join(__dirname, '..', '..', 'histories', 'referral-japanese-notes.json'),
      `${JSON.stringify(JSON.parse(historyToJSON(recorded as never)), null, 2)}\n`,
    );
  }
});
