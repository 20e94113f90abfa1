// The cipher and the data keys that protect personal data, shared by the column encryption and key rotation
// (libs/persistence/src/crypto) and the Temporal payload codec (libs/temporal). Node crypto and @tsunagu/domain only.
export * from './data-keys';
export * from './cipher';
export * from './blind-index';
