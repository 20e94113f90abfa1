export * from './e2e-state';
export * from './graphql-client';
export * from './test-city';
export * from './database';
