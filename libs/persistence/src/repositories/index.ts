export * from './provision-record-writer';
export * from './referral-writer';
export * from './regional-issue-writer';
