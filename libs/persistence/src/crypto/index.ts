export * from './data-keys';
export * from './cipher';
export * from './referral-personal-data';
export * from './rotation';
