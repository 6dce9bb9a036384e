export * from './auth.ts';
export * from './organisations.ts';
export * from './frameworks.ts';
export * from './collection.ts';
export * from './crosswalks.ts';
export * from './bank.ts';
export * from './first-steps.ts';
export * from './imports.ts';
