// Entry point of the workflow bundle: every workflow the worker runs.
import type { ReferralWorkflow, RegionalIssueWorkflow, RetentionSweepWorkflow } from '../../libs/workflow-contracts/src';
import type { referralWorkflow } from './referral/referral.workflow';
import type { regionalIssueWorkflow } from './regional-issue/regional-issue.workflow';
import type { retentionSweepWorkflow } from './retention/retention-sweep.workflow';

export { referralWorkflow } from './referral/referral.workflow';
export { regionalIssueWorkflow } from './regional-issue/regional-issue.workflow';
export { retentionSweepWorkflow } from './retention/retention-sweep.workflow';

/**
 * Compile-time only: each workflow can be started with the signature its callers use (libs/workflow-contracts), so a
 * workflow whose input or result drifts from its contract fails `npm run typecheck`, as `typeof referralWorkflow` in
 * the api once did. Relative imports: this file is the bundle's entry, where @tsunagu aliases do not resolve.
 */
export type WorkflowsMatchTheirContracts = [
  Implements<ReferralWorkflow, typeof referralWorkflow>,
  Implements<RegionalIssueWorkflow, typeof regionalIssueWorkflow>,
  Implements<RetentionSweepWorkflow, typeof retentionSweepWorkflow>,
];
type Implements<Contract, Workflow extends Contract> = Workflow;
