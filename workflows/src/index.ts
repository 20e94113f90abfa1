// Entry point of the workflow bundle: every workflow the worker runs.
export { referralWorkflow } from './referral/referral.workflow';
export { regionalIssueWorkflow } from './regional-issue/regional-issue.workflow';
export { retentionSweepWorkflow } from './retention/retention-sweep.workflow';
