export * from './contract';
export * from './device';
export * from './dispatch';
export * from './errors';
export * from './wire';
export * from './serial';
export * from './provision';
export * from './checks';
