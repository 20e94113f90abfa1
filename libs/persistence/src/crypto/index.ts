export * from './referral-personal-data';
export * from './rotation';
