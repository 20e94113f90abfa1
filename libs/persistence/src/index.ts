export * from './entities';
export * from './migrations';
export * from './database-config';
export * from './data-source';
export * from './persistence.module';
export * from './seed/demo-data';
