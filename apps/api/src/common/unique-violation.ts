/**
 * Whether PostgreSQL refused a write for a duplicate on `constraint` (SQLSTATE 23505): a service turns that into the
 * field's BAD_USER_INPUT (two people creating the same name or email at the same moment). TypeORM wraps the driver's
 * error; both shapes are read.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const driver = e?.driverError ?? e;
  return driver?.code === '23505' && driver.constraint === constraint;
}
