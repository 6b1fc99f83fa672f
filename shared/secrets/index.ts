export * from './types';
export * from './secretMasker';
export * from './configSecretPatterns';
