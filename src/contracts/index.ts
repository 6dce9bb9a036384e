export * from './common.ts';
export * from './auth.ts';
export * from './organisations.ts';
export * from './frameworks.ts';
export * from './collection.ts';
export * from './results.ts';
export * from './bank.ts';
export * from './imports.ts';
