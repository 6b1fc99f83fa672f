export * from './types';
export * from './channel';
