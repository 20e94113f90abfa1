/**
 * The workflow id of a referral, derived from who submitted it and the form's idempotency key: the same submission,
 * sent twice or concurrently, reaches the same workflow and so the same referral. Scoped by user so that two
 * coordinators' forms can never collide.
 */
export function referralWorkflowId(submittedByUserId: string, clientRequestId: string): string {
  return `referral:${submittedByUserId}:${clientRequestId}`;
}

/**
 * The workflow id of a regional issue, from who created it and the form's idempotency key (as for referrals): creating
 * the same issue twice reaches the same workflow and so the same issue.
 */
export function regionalIssueWorkflowId(createdByUserId: string, clientRequestId: string): string {
  return `regional-issue:${createdByUserId}:${clientRequestId}`;
}
