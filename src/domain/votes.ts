/**
 * A COPIL vote on a proposed framework version. Each organisation sitting on the COPIL when
 * the vote opened has one ballot; the rule and the quorum are those the collective had then.
 *
 * - Quorum: the share of the electorate that cast a ballot (abstentions count as cast) must
 *   reach `quorumPercent`; otherwise the outcome is `no_quorum`.
 * - Majority: adopted when votes for are strictly more than votes against (abstentions are
 *   not counted either way).
 * - Consensus: adopted when there is at least one vote for and no vote against.
 */

export type VoteRule = 'majority' | 'consensus';
export type Choice = 'for' | 'against' | 'abstain';
export type Outcome = 'adopted' | 'rejected' | 'no_quorum';

export interface Tally {
  electorate: number;
  cast: number;
  for: number;
  against: number;
  abstain: number;
  /** Ballots needed for the quorum. */
  quorumNeeded: number;
  quorumReached: boolean;
  outcome: Outcome;
}

export function quorumNeeded(electorate: number, quorumPercent: number): number {
  // Integer arithmetic: 50% of 3 needs 2 ballots, 50% of 4 needs 2.
  return Math.max(1, Math.ceil((electorate * quorumPercent) / 100 - 1e-9));
}

export function tallyVote(input: { rule: VoteRule; quorumPercent: number; electorate: readonly string[]; ballots: readonly { organisationId: string; choice: Choice }[] }): Tally {
  const voters = new Set(input.electorate);
  // Only ballots from the electorate count, and only one per organisation (the last one).
  const byOrg = new Map<string, Choice>();
  for (const b of input.ballots) if (voters.has(b.organisationId)) byOrg.set(b.organisationId, b.choice);
  const choices = [...byOrg.values()];
  const count = (c: Choice) => choices.filter((x) => x === c).length;
  const tally = { electorate: voters.size, cast: choices.length, for: count('for'), against: count('against'), abstain: count('abstain') };
  const needed = quorumNeeded(voters.size, input.quorumPercent);
  const quorumReached = voters.size > 0 && tally.cast >= needed;
  let outcome: Outcome;
  if (!quorumReached) outcome = 'no_quorum';
  else if (input.rule === 'majority') outcome = tally.for > tally.against ? 'adopted' : 'rejected';
  else outcome = tally.for > 0 && tally.against === 0 ? 'adopted' : 'rejected';
  return { ...tally, quorumNeeded: needed, quorumReached, outcome };
}
