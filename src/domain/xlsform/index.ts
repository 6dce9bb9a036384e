export { convertXlsForm, LIMITS } from './convert.ts';
export { relevantToCondition } from './conditions.ts';
export { parseExpression, parseBounds } from './expressions.ts';
export { languageCode, toKey, toValue } from './names.ts';
export type * from './types.ts';
