export * from './child-process';
export * from './embedded-postgres';
export * from './free-port';
export * from './mail-catcher';
export * from './temporal-dev-server';
export * from './temporal-test-server';
