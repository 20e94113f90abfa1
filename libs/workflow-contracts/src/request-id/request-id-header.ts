// The api's request id travels with what a request asks of a workflow (start, Update, signal) as a Temporal header,
// and from the workflow with the activities it schedules, so one id joins the api's, the workflow's and the activities'
// log lines (docs/OPERATIONS.md, "Health and logs"). A header, not a memo or search attribute: it belongs to one
// request, not to the workflow, and headers are not shown as the workflow's data. It is no personal data.
import { defaultPayloadConverter, type Headers } from '@temporalio/common';

export const REQUEST_ID_HEADER = 'tsunagu-request-id';

/** The shape the api accepts for a request id (apps/api/src/logging/request-id.ts): anything else is dropped. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The headers with the request id added; unchanged when there is none. */
export function withRequestIdHeader(headers: Headers, requestId: string | undefined): Headers {
  if (!requestId || !SANE_REQUEST_ID.test(requestId)) return headers;
  return { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) };
}

/** The request id carried in these headers, if any (and sane). */
export function requestIdFromHeaders(headers: Headers | undefined): string | undefined {
  const payload = headers?.[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  try {
    const value: unknown = defaultPayloadConverter.fromPayload(payload);
    return typeof value === 'string' && SANE_REQUEST_ID.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
