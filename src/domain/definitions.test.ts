import { describe, expect, it } from 'vitest';
import { definitionChanges, definitionKey, numberSeries, parseDefinitionKey, type Definition } from './definitions.ts';

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
    expect(definitionChanges(before, after)).toEqual(changes);
  });
});

describe('parseDefinitionKey', () => {
  it.each([
    { key: 'share:4,5|', parsed: { type: 'share', options: ['4', '5'], disaggregations: [] } },
    { key: 'mean:|sexe,site', parsed: { type: 'mean', options: [], disaggregations: ['sexe', 'site'] } },
    { key: 'sum:|', parsed: { type: 'sum', options: [], disaggregations: [] } },
  ])('$key', ({ key, parsed }) => {
    expect(parseDefinitionKey(key)).toEqual(parsed);
  });

  it('reads back what definitionKey writes', () => {
    const def = share(['b', 'a'], ['x']);
    const parsed = parseDefinitionKey(definitionKey(def));
    expect(definitionKey({ computation: { type: parsed.type, options: parsed.options }, disaggregations: parsed.disaggregations })).toBe(definitionKey(def));
  });
});

describe('numberSeries', () => {
  it.each([
    { name: 'no history', adopted: [], other: [], series: {} },
    { name: 'one definition kept', adopted: ['a', 'a', 'a'], other: [], series: { a: 1 } },
    { name: 'a break', adopted: ['a', 'a', 'b'], other: [], series: { a: 1, b: 2 } },
    { name: 'back to the first definition', adopted: ['a', 'b', 'a'], other: [], series: { a: 1, b: 2 } },
    { name: 'a draft definition after', adopted: ['a'], other: ['c', 'a'], series: { a: 1, c: 2 } },
  ])('$name', ({ adopted, other, series }) => {
    expect(Object.fromEntries(numberSeries(adopted, other))).toEqual(series);
  });
});
