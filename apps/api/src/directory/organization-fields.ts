// The rules for an organisation's fields, shared by the GraphQL inputs and the CSV import so both accept the same data.

export const NAME_MAX_LENGTH = 200;
export const CONTACT_NAME_MAX_LENGTH = 100;
export const CONTACT_EMAIL_MAX_LENGTH = 254;
export const CONTACT_PHONE_MAX_LENGTH = 30;
/** Digits with the usual separators: 072-000-0001, (072) 000 0001, +81 72 000 0001. Full-width digits are normalised first. */
export const CONTACT_PHONE_PATTERN = /^(?=.*[0-9])[0-9+()\-. ]+$/;

/** Trims; full-width letters and digits become half-width (NFKC), as typed in a Japanese spreadsheet. */
export function normalizePhone(value: string): string {
  return value.normalize('NFKC').trim();
}

/** Trims, and gives null for a blank value: optional text fields store null, never ''. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
