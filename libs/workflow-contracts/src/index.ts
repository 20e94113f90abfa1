// The workflows' public contract: the names and signatures callers start them with, their messages (Updates, signals,
// queries: the names are in every stored history, never renamed), inputs, results and activity interfaces. Imported by
// the workflows (relatively, they are bundled), by libs/temporal (which re-exports it for the api and the worker) and
// by the worker's operator tools. Bundle-safe: @temporalio/workflow's define* functions and pure types from libs/domain.
export * from './referral/messages';
export * from './referral/types';
export * from './regional-issue/messages';
export * from './regional-issue/types';
export * from './retention/types';
export * from './writes/write-messages';
export * from './request-id/request-id-header';
