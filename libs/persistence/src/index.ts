export * from './entities';
export * from './migrations';
export * from './database-config';
export * from './data-source';
export * from './persistence.module';
export * from './routing/candidate-directory';
export * from './seed/demo-data';
