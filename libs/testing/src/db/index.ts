export * from './db-tier';
