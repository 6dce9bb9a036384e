import { describe, expect, it } from 'vitest';
import { definitionChanges, definitionKey, type Definition } from './definitions.ts';

const share = (options: string[], disaggregations: string[] = []): Definition => ({ computation: { type: 'share', options }, disaggregations });

describe('definitionKey', () => {
  it.each([
    { def: share(['oui']), key: 'share:oui|' },
    { def: share(['5', '4']), key: 'share:4,5|' },
    { def: share(['b_x', 'b', 'a']), key: 'share:a,b,b_x|' },
    { def: { computation: { type: 'mean' } }, key: 'mean:|' },
    { def: { computation: { type: 'sum' }, disaggregations: ['sexe', 'age'] }, key: 'sum:|age,sexe' },
    { def: { computation: { type: 'count', options: ['ignored'] } }, key: 'count:|' },
  ])('$key', ({ def, key }) => {
    expect(definitionKey(def)).toBe(key);
  });

  it('does not depend on the order of options or disaggregations', () => {
    expect(definitionKey(share(['a', 'b'], ['y', 'x']))).toBe(definitionKey(share(['b', 'a'], ['x', 'y'])));
  });
});

describe('definitionChanges', () => {
  it.each([
    { name: 'same', before: share(['4', '5']), after: share(['5', '4']), changes: [] },
    { name: 'options narrowed', before: share(['4', '5']), after: share(['5']), changes: ['options'] },
    { name: 'share → mean', before: share(['4', '5']), after: { computation: { type: 'mean' } }, changes: ['computation'] },
    { name: 'disaggregation added', before: share(['oui']), after: share(['oui'], ['sexe']), changes: ['disaggregations'] },
    { name: 'type and disaggregation', before: { computation: { type: 'sum' } }, after: { computation: { type: 'mean' }, disaggregations: ['site'] }, changes: ['computation', 'disaggregations'] },
    { name: 'mean unchanged', before: { computation: { type: 'mean' } }, after: { computation: { type: 'mean' }, disaggregations: [] }, changes: [] },
  ])('$name', ({ before, after, changes }) => {
    expect(definitionChanges(before as Definition, after as Definition)).toEqual(changes);
  });
});
