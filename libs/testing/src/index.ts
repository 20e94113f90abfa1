export * from './servers';
export * from './tools';
export * from './stack';
