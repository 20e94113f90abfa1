// Entry point of the workflow bundle: every workflow the worker runs.
export { referralWorkflow } from './referral/referral.workflow';
