// `npm run create-admin -- --email <address> --name <display name>`: the first administrator of a new database, which
// has no user to sign in as (the demo data is for trying Tsunagu, not for production). Only while no active
// administrator exists: after that, administrators are created through `createUser`, which the audit log records.
// Prints a temporary password once; the administrator must change it at first sign-in. Queues the account-created mail. Needs DATABASE_URL (migrated).
// Exits 0 when created, 2 when refused (an active administrator exists, the email is taken, bad arguments), 1 on error.
import { parseArgs } from 'node:util';
import { isEmail } from 'class-validator';
import { NotificationKind, Role } from '@tsunagu/domain';
import { createDataSource, NotificationOutbox, readDatabaseConfig } from '@tsunagu/persistence';
import { generateTemporaryPassword, hashPassword } from './auth/passwords';
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
      // One run at a time: two runs at once could otherwise both see no administrator.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('tsunagu:create-admin'))`);
      const [admin] = await tx.query(`SELECT email FROM app_user WHERE role = $1 AND active LIMIT 1`, [Role.ADMIN]);
      if (admin) throw new Refused(`an active administrator exists (${admin.email}): create further users with createUser`);
      const [taken] = await tx.query(`SELECT 1 FROM app_user WHERE email = $1`, [args.email]);
      if (taken) throw new Refused(`a user with the email ${args.email} exists`);
      const [row]: Array<{ id: string }> = await tx.query(
        `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash, must_change_password,
                               temporary_password_issued_at)
         VALUES ($1, $2, $3, NULL, NULL, $4, true, now()) RETURNING id`,
        [args.email, args.displayName, Role.ADMIN, passwordHash],
      );
      // Recorded like every user change (docs/SECURITY.md, "Audit log"); the actor is the operator at the console.
      await tx.query(
        `INSERT INTO audit_event (actor_user_id, actor_role, operation, object_type, object_id, result, details)
         VALUES (NULL, 'CONSOLE', 'create-admin', 'User', $1, 'OK', $2)`,
        [row.id, JSON.stringify({ email: args.email, role: Role.ADMIN })],
      );
      // As createUser does (docs/NOTIFICATIONS.md): the user is told, in this transaction, never with the password;
      // the worker sends it once SMTP_URL is set.
      await new NotificationOutbox(tx).enqueue({
        sourceKey: `user:${row.id}:${NotificationKind.ACCOUNT_CREATED}`,
        kind: NotificationKind.ACCOUNT_CREATED,
        facts: { recipientName: args.displayName },
        recipients: { userId: row.id },
        at: new Date(),
      });
      return row.id;
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
