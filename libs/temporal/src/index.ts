export * from './temporal-config';
export * from './workflow-ids';
export * from './temporal-client.module';
export * from './data-key-codec';
export * from './retention-schedule';
// The workflows' messages, names, signatures and types (libs/workflow-contracts): callers take them from here, with the client.
export * from '@tsunagu/workflow-contracts';
export * from './request-id-client-interceptor';
