export * from './notification-kinds';
export * from './digest-schedule';
export * from './notification-templates';
