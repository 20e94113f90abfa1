/**
 * The workflow id of a referral, derived from who submitted it and the form's idempotency key: the same submission,
 * sent twice or concurrently, reaches the same workflow and so the same referral. Scoped by user so that two
 * coordinators' forms can never collide.
 */
export function referralWorkflowId(submittedByUserId: string, clientRequestId: string): string {
  return `referral:${submittedByUserId}:${clientRequestId}`;
}
