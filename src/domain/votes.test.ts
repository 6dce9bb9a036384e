import { describe, expect, it } from 'vitest';
import { quorumNeeded, tallyVote, type Choice, type VoteRule } from './votes.ts';

const electorate = ['a', 'b', 'c', 'd'];
const ballots = (...choices: (Choice | null)[]) => choices.flatMap((c, i) => (c ? [{ organisationId: electorate[i]!, choice: c }] : []));

describe('quorumNeeded', () => {
  it.each([
    { electorate: 1, percent: 50, needed: 1 },
    { electorate: 3, percent: 50, needed: 2 },
    { electorate: 4, percent: 50, needed: 2 },
    { electorate: 4, percent: 75, needed: 3 },
    { electorate: 4, percent: 100, needed: 4 },
    { electorate: 5, percent: 0, needed: 1 },
    { electorate: 3, percent: 34, needed: 2 },
    { electorate: 3, percent: 33, needed: 1 },
  ])('$percent% of $electorate → $needed', ({ electorate: e, percent, needed }) => {
    expect(quorumNeeded(e, percent)).toBe(needed);
  });
});

describe('tallyVote', () => {
  it.each<{ name: string; rule: VoteRule; quorum: number; cast: (Choice | null)[]; outcome: string }>([
    { name: 'no ballot at all', rule: 'majority', quorum: 50, cast: [null, null, null, null], outcome: 'no_quorum' },
    { name: 'one ballot for, quorum 50% of 4 not reached', rule: 'majority', quorum: 50, cast: ['for', null, null, null], outcome: 'no_quorum' },
    { name: 'two for: majority', rule: 'majority', quorum: 50, cast: ['for', 'for', null, null], outcome: 'adopted' },
    { name: 'tie is not a majority', rule: 'majority', quorum: 50, cast: ['for', 'against', null, null], outcome: 'rejected' },
    { name: 'abstentions count for quorum, not for majority', rule: 'majority', quorum: 75, cast: ['for', 'abstain', 'abstain', null], outcome: 'adopted' },
    { name: 'all abstain', rule: 'majority', quorum: 50, cast: ['abstain', 'abstain', null, null], outcome: 'rejected' },
    { name: 'consensus: one against blocks', rule: 'consensus', quorum: 50, cast: ['for', 'for', 'for', 'against'], outcome: 'rejected' },
    { name: 'consensus: for and abstentions', rule: 'consensus', quorum: 50, cast: ['for', 'abstain', null, null], outcome: 'adopted' },
    { name: 'consensus: only abstentions', rule: 'consensus', quorum: 50, cast: ['abstain', 'abstain', null, null], outcome: 'rejected' },
    { name: 'consensus with full quorum missing one', rule: 'consensus', quorum: 100, cast: ['for', 'for', 'for', null], outcome: 'no_quorum' },
    { name: 'majority 3 to 1', rule: 'majority', quorum: 100, cast: ['for', 'for', 'for', 'against'], outcome: 'adopted' },
  ])('$name → $outcome', ({ rule, quorum, cast, outcome }) => {
    expect(tallyVote({ rule, quorumPercent: quorum, electorate, ballots: ballots(...cast) }).outcome).toBe(outcome);
  });

  it('ignores ballots from outside the electorate and keeps the last ballot of each organisation', () => {
    const tally = tallyVote({
      rule: 'majority',
      quorumPercent: 50,
      electorate: ['a', 'b'],
      ballots: [
        { organisationId: 'a', choice: 'against' },
        { organisationId: 'x', choice: 'for' },
        { organisationId: 'a', choice: 'for' },
      ],
    });
    expect(tally).toMatchObject({ electorate: 2, cast: 1, for: 1, against: 0, quorumNeeded: 1, quorumReached: true, outcome: 'adopted' });
  });

  it('an empty electorate never reaches the quorum', () => {
    expect(tallyVote({ rule: 'consensus', quorumPercent: 0, electorate: [], ballots: [] }).outcome).toBe('no_quorum');
  });
});
