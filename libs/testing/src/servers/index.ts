export * from './child-process';
export * from './embedded-postgres';
export * from './free-port';
export * from './temporal-dev-server';
