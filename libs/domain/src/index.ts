export * from './enums';
export * from './errors';
export * from './referral/referral-state';
export * from './referral/referral-state-machine';
export * from './routing/candidate-ranking';
export * from './calendar';
export * from './config/env';
export * from './referral/referral-deadlines';
