export * from './app-processes';
export * from './stack';
