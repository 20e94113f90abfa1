export * from './servers';
export * from './tools';
export * from './stack';
export * from './e2e';
