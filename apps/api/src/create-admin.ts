// `npm run create-admin -- --email <address> --name <display name>`: the first administrator of a new database, which
// has no user to sign in as (the demo data is for trying Tsunagu, not for production). Only while no active
// administrator exists: after that, administrators are created through `createUser`, which the audit log records.
// Prints a temporary password once; the administrator must change it at first sign-in. Queues the account-created mail. Needs DATABASE_URL (migrated).
// Exits 0 when created, 2 when refused (an active administrator exists, the email is taken, bad arguments), 1 on error.
import { parseArgs } from 'node:util';
import { isEmail } from 'class-validator';
import { NotificationKind } from '@tsunagu/domain';
import { createDataSource, NotificationOutbox, readDatabaseConfig } from '@tsunagu/persistence';
import { generateTemporaryPassword, hashPassword } from './auth/passwords';
import { CreateAdminRepository } from './create-admin.repository';
import { DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH } from './users/dto/create-user.input';

class Refused extends Error {}

interface AdminArgs {
  email: string;
  displayName: string;
}

function readArgs(argv: string[]): AdminArgs {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  // As createUser stores them: the email trimmed and lower-case, the name trimmed.
  const email = values.email?.trim().toLowerCase() ?? '';
  const displayName = values.name?.trim() ?? '';
  if (!isEmail(email) || email.length > EMAIL_MAX_LENGTH)
    throw new Refused(`--email must be an email address of at most ${EMAIL_MAX_LENGTH} characters`);
  if (displayName.length < 1 || displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    throw new Refused(`--name must be 1 to ${DISPLAY_NAME_MAX_LENGTH} characters`);
  }
  return { email, displayName };
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  const db = await createDataSource(readDatabaseConfig(process.env), 'tsunagu-create-admin').initialize();
  try {
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const id = await db.transaction(async (tx) => {
      const admins = new CreateAdminRepository(tx);
      // One run at a time, the lock first: two runs at once could otherwise both see no administrator.
      await admins.lockAgainstOtherRuns();
      const existing = await admins.findActiveAdministratorEmail();
      if (existing) throw new Refused(`an active administrator exists (${existing}): create further users with createUser`);
      if (await admins.emailTaken(args.email)) throw new Refused(`a user with the email ${args.email} exists`);
      const userId = await admins.insertAdministrator(args.email, args.displayName, passwordHash);
      await admins.recordCreation(userId, args.email);
      // As createUser does (docs/NOTIFICATIONS.md): the user is told, in this transaction, never with the password;
      // the worker sends it once SMTP_URL is set.
      await new NotificationOutbox(tx).enqueue({
        sourceKey: `user:${userId}:${NotificationKind.ACCOUNT_CREATED}`,
        kind: NotificationKind.ACCOUNT_CREATED,
        facts: { recipientName: args.displayName },
        recipients: { userId },
        at: new Date(),
      });
      return userId;
    });
    console.log(`create-admin: created administrator ${args.email} (${id})`);
    console.log(`create-admin: temporary password (shown once; to be changed at first sign-in): ${temporaryPassword}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`create-admin: ${error instanceof Error ? error.message : error}`);
    process.exit(error instanceof Refused || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1);
  },
);
