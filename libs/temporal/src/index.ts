export * from './temporal-config';
export * from './workflow-ids';
export * from './temporal-client.module';
export * from './data-key-codec';
export * from './retention-schedule';
// Message and workflow definitions live with the workflows; callers take them from here.
export * from '../../../workflows/src/referral/messages';
export * from '../../../workflows/src/referral/types';
export * from '../../../workflows/src/retention/types';
export type { referralWorkflow } from '../../../workflows/src/referral/referral.workflow';
export * from '../../../workflows/src/regional-issue/messages';
export * from '../../../workflows/src/regional-issue/types';
export type { regionalIssueWorkflow } from '../../../workflows/src/regional-issue/regional-issue.workflow';
