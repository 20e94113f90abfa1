/** Set by the db tier's global setup (test/db/global-setup.ts): the server's maintenance database URL. No imports: the setup has no module mapping. */
export const DB_TIER_URL_VARIABLE = 'TSUNAGU_DB_TIER_URL';
