export * from './temporal-config';
export * from './workflow-ids';
export * from './temporal-client.module';
// Message and workflow definitions live with the workflows; callers take them from here.
export * from '../../../workflows/src/referral/messages';
export * from '../../../workflows/src/referral/types';
export type { referralWorkflow } from '../../../workflows/src/referral/referral.workflow';
