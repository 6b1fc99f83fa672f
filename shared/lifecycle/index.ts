export * from './disposable';
