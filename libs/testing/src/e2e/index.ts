export * from './e2e-state';
export * from './graphql-client';
export * from './test-city';
export * from './database';
export * from './markdown-table';
export * from './temporal-data';
export * from './mail-catcher-client';
