// `npm run stuck-moves`: lists referral and regional issue workflows whose read-model write has been retrying (a
// transient-looking error that never clears holds every later move of that referral or issue);
// `npm run stuck-moves -- release <workflow id> [--seq N] [--operator NAME]` makes the workflow give that write up: the
// waiting move answers MOVE_NOT_RECORDED (reason RELEASED_BY_OPERATOR) and the referral stays as it was, taking moves
// again (docs/OPERATIONS.md, "A stuck move"). Prints ids, attempts and failure classes only, never personal data.
// Needs TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE) and the data keys, as the worker does; with DATABASE_URL a release
// is written to the audit log (actor role CONSOLE), as create-admin does.
// Exits 0 when done (a list, even an empty one, or a release), 2 when there was nothing to release or bad arguments,
// 1 on error.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { readDataKeys } from '@tsunagu/crypto';
import { createDataSource, readDatabaseConfig } from '@tsunagu/persistence';
import { readTemporalConfig, tsunaguDataConverter } from '@tsunagu/temporal';
import { StuckMovesRepository } from './stuck-moves/stuck-moves.repository';
import { listStuckWrites, NothingToRelease, ReleaseResult, releaseStuckWrite } from './stuck-moves/stuck-writes';

class Refused extends Error {}

function readArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'min-attempts': { type: 'string', default: '5' },
      'min-minutes': { type: 'string', default: '0' },
      seq: { type: 'string' },
      operator: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, value: string | undefined): number | null => {
    if (value === undefined) return null;
    if (!/^\d+$/.test(value)) throw new Refused(`--${name} must be a whole number`);
    return Number(value);
  };
  const [command = 'list', workflowId] = positionals;
  if (command !== 'list' && command !== 'release') throw new Refused(`unknown command "${command}": list or release <workflow id>`);
  if (command === 'release' && !workflowId) throw new Refused('release needs the workflow id the list shows');
  return {
    command,
    workflowId: workflowId ?? '',
    minAttempts: whole('min-attempts', values['min-attempts'])!,
    minMinutes: whole('min-minutes', values['min-minutes'])!,
    seq: whole('seq', values.seq),
    operator: values.operator?.trim() || userInfo().username,
    json: values.json ?? false,
  };
}

/** The release in the api's audit log, when the database is configured (DATABASE_URL). */
async function audit(result: ReleaseResult, operator: string): Promise<boolean> {
  if (!process.env.DATABASE_URL) return false;
  const db = await createDataSource(readDatabaseConfig(process.env), 'tsunagu-stuck-moves').initialize();
  try {
    await new StuckMovesRepository(db).recordRelease({
      objectType: result.kind === 'referral' ? 'Referral' : 'RegionalIssue',
      objectId: result.objectId,
      result: result.outcome === 'released' ? 'OK' : result.outcome.toUpperCase().replace(/ /g, '_'),
      details: { workflowId: result.workflowId, seq: result.writing.seq, what: result.writing.what, operator },
    });
    return true;
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  const temporal = readTemporalConfig(process.env);
  const dataConverter = tsunaguDataConverter(readDataKeys(process.env));
  const connection = await Connection.connect({ address: temporal.address });
  try {
    const client = new Client({ connection, namespace: temporal.namespace, dataConverter });
    if (args.command === 'list') {
      const stuck = await listStuckWrites(client, { minAttempts: args.minAttempts, minMinutes: args.minMinutes });
      if (args.json) {
        console.log(JSON.stringify(stuck));
        return 0;
      }
      if (stuck.length === 0) console.log(`stuck-moves: no write retrying for ${args.minAttempts} attempts or more`);
      for (const s of stuck) {
        const writing = s.writing ? `${s.writing.what} seq ${s.writing.seq}` : 'a closed referral’s policy entry';
        console.log(
          `${s.workflowId}\t${s.kind} ${s.objectId ?? '?'}\t${writing}\t${s.activity} attempt ${s.attempt} since ${s.since ?? '?'}\t${s.lastFailure}`,
        );
      }
      return 0;
    }
    const result = await releaseStuckWrite(client, args.workflowId, args.operator, args.seq);
    const audited = await audit(result, args.operator);
    const what = `${result.writing.what} seq ${result.writing.seq} of ${result.kind} ${result.objectId ?? '?'} (${result.workflowId})`;
    const line = {
      released: `released the write ${what}: the waiting move answered MOVE_NOT_RECORDED; the ${result.kind} is as it was before it`,
      'stored after all': `the write ${what} had been stored before the release reached it: the move counts`,
      unconfirmed: `asked ${result.workflowId} to release ${what}; it has not confirmed (is a worker running?): list again`,
    }[result.outcome];
    console.log(`stuck-moves: ${line}${audited ? ' (audited)' : ''}`);
    return result.outcome === 'unconfirmed' ? 1 : 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`stuck-moves: ${error instanceof Error ? error.message : error}`);
    const refused = error instanceof Refused || error instanceof NothingToRelease || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.exit(refused ? 2 : 1);
  },
);
