//! Sequential Phragmén with scores kept up to date round by round: the winners and
//! supports of `sp_npos_elections::seq_phragmen`, at a fraction of its cost.
//!
//! Sequential Phragmén elects one candidate per round. Every voter carries a *load*;
//! a candidate's *score* is
//!
//! ```text
//! score(c) = (1 + Σ budget(v) · load(v)) / approval(c)      over the voters v naming c
//! ```
//!
//! and the candidate with the lowest score wins the round; each voter naming the winner
//! then takes the winner's score as its new load. `sp_npos_elections::seq_phragmen`
//! recomputes every score from every vote in every round, so an election costs
//! rounds × votes: at this runtime's maxima (24 rounds, 10 000 voters naming 16
//! candidates each) that was about half a block.
//!
//! Only the voters naming a round's winner change their load, so only the scores of the
//! candidates those voters name can change. This implementation keeps each candidate's
//! sum, and for every vote the term `budget · load / approval` it adds to its candidate;
//! when a voter's load changes it replaces the terms of its votes for candidates not yet
//! elected. A voter's terms are therefore recomputed once per winner it named, at most
//! [`Config::MaxVotesPerVoter`](crate::Config::MaxVotesPerVoter) times in an election,
//! each time only for the candidates it named that are still unelected, whatever the
//! number of rounds. Choosing the winner looks at every candidate once per round.
//!
//! The arithmetic is the library's, term by term: loads and scores are numerators over
//! `u128::MAX`, each term is `multiply_by_rational_with_rounding(load, budget,
//! approval)` rounded down, a score saturates at `u128::MAX` (the library adds terms with
//! saturation, and saturating a sum of non-negative terms is the same as saturating the
//! total, which is kept exactly here), a candidate without approval ranks after every
//! other, ties go to the candidate listed first, and a winner's support is the sum over
//! its voters of `budget · load on the winner / voter's load`, each voter's stakes
//! corrected (`Normalizable::normalize`) to add up to its budget. The tests below check
//! the outcome against `sp_npos_elections::seq_phragmen` on thousands of random
//! elections. The library also turns every voter's stakes into per-winner ratios (its
//! `assignments`); the election does not use them, so they are not computed.

use alloc::{collections::BTreeMap, vec::Vec};
use sp_arithmetic::{helpers_128bit::multiply_by_rational_with_rounding, Normalizable, Rounding};
use sp_npos_elections::{ExtendedBalance, VoteWeight};

/// The denominator of every load and score.
const DEN: u128 = u128::MAX;

/// A sum of terms that may exceed `u128`, kept exactly so that removing a term is exact.
#[derive(Clone, Copy, Default)]
struct WideSum {
	low: u128,
	high: u128,
}

impl WideSum {
	fn add(&mut self, term: u128) {
		let (low, carry) = self.low.overflowing_add(term);
		self.low = low;
		self.high = self.high.saturating_add(carry.into());
	}

	fn sub(&mut self, term: u128) {
		let (low, borrow) = self.low.overflowing_sub(term);
		self.low = low;
		self.high = self.high.saturating_sub(borrow.into());
	}

	/// The sum, saturated at `u128::MAX`.
	fn saturated(&self) -> u128 {
		if self.high > 0 {
			u128::MAX
		} else {
			self.low
		}
	}
}

struct CandidateState {
	approval: u128,
	/// `DEN / approval` plus every current term of the votes naming this candidate.
	sum: WideSum,
	elected: bool,
	/// Indices of the voters naming this candidate.
	voters: Vec<u32>,
	support: u128,
}

impl CandidateState {
	/// The score the round compares: candidates without approval rank after all others.
	fn rank(&self) -> (bool, u128) {
		(self.approval == 0, self.score())
	}

	/// The score's numerator; the library gives a candidate without approval the largest
	/// score there is, which becomes its voters' load if it is elected.
	fn score(&self) -> u128 {
		if self.approval == 0 {
			u128::MAX
		} else {
			self.sum.saturated()
		}
	}
}

struct VoterState {
	budget: u128,
	load: u128,
	/// This voter's votes: `edges[first_edge .. first_edge + edge_count]`.
	first_edge: u32,
	edge_count: u32,
}

struct Edge {
	candidate: u32,
	/// What this vote adds to its candidate's sum: `budget · voter's load / approval`.
	term: u128,
	/// The part of the voter's load put on this candidate when it was elected.
	load: u128,
}

fn mul_div(a: u128, b: u128, c: u128) -> u128 {
	multiply_by_rational_with_rounding(a, b, c, Rounding::Down).unwrap_or(u128::MAX)
}

/// Elects up to `to_elect` of `candidates` by sequential Phragmén over `voters` (their
/// vote weight and the candidates they name), returning the winners in the order they
/// were elected with their support, as `sp_npos_elections::seq_phragmen` does. Votes for
/// accounts that are not candidates, and repeated votes for one candidate, are ignored.
/// `None` where the library fails: when a voter's stakes cannot be normalised to its
/// budget (their sum overflows `u128`).
pub(crate) fn seq_phragmen_winners<AccountId: Ord + Clone>(
	to_elect: usize,
	candidates: Vec<AccountId>,
	voters: impl IntoIterator<Item = (VoteWeight, impl IntoIterator<Item = AccountId>)>,
) -> Option<Vec<(AccountId, ExtendedBalance)>> {
	let index: BTreeMap<AccountId, u32> =
		candidates.iter().cloned().enumerate().map(|(i, who)| (who, i as u32)).collect();
	let mut states: Vec<CandidateState> = candidates
		.iter()
		.map(|_| CandidateState {
			approval: 0,
			sum: WideSum::default(),
			elected: false,
			voters: Vec::new(),
			support: 0,
		})
		.collect();
	let mut voter_states: Vec<VoterState> = Vec::new();
	let mut edges: Vec<Edge> = Vec::new();
	for (weight, targets) in voters {
		let first_edge = edges.len();
		for target in targets {
			let Some(&candidate) = index.get(&target) else { continue };
			if edges[first_edge..].iter().any(|edge| edge.candidate == candidate) {
				continue;
			}
			edges.push(Edge { candidate, term: 0, load: 0 });
		}
		let edge_count = edges.len() - first_edge;
		if edge_count == 0 {
			continue;
		}
		let voter = voter_states.len() as u32;
		for edge in &edges[first_edge..] {
			let state = &mut states[edge.candidate as usize];
			state.approval = state.approval.saturating_add(weight.into());
			state.voters.push(voter);
		}
		voter_states.push(VoterState {
			budget: weight.into(),
			load: 0,
			first_edge: first_edge as u32,
			edge_count: edge_count as u32,
		});
	}
	// Every load starts at zero, so every term does: a score starts as 1 / approval.
	for state in states.iter_mut().filter(|state| state.approval > 0) {
		state.sum.add(DEN / state.approval);
	}

	let mut winners: Vec<u32> = Vec::new();
	for _round in 0..to_elect.min(candidates.len()) {
		let mut best: Option<(u32, (bool, u128))> = None;
		for (candidate, state) in states.iter().enumerate().filter(|(_, state)| !state.elected) {
			let rank = state.rank();
			if best.is_none_or(|(_, best_rank)| rank < best_rank) {
				best = Some((candidate as u32, rank));
			}
		}
		let Some((winner, _)) = best else { break };
		let winner_state = &mut states[winner as usize];
		winner_state.elected = true;
		let score = winner_state.score();
		let backers = core::mem::take(&mut winner_state.voters);
		winners.push(winner);

		for &voter in &backers {
			let voter = &mut voter_states[voter as usize];
			let old_load = voter.load;
			voter.load = score;
			let own = voter.first_edge as usize..(voter.first_edge + voter.edge_count) as usize;
			for edge in &mut edges[own] {
				if edge.candidate == winner {
					edge.load = score.saturating_sub(old_load);
					continue;
				}
				let state = &mut states[edge.candidate as usize];
				if state.elected {
					continue;
				}
				let term = mul_div(voter.load, voter.budget, state.approval);
				state.sum.sub(edge.term);
				state.sum.add(term);
				edge.term = term;
			}
		}
		states[winner as usize].voters = backers;
	}

	for voter in &voter_states {
		let own = voter.first_edge as usize..(voter.first_edge + voter.edge_count) as usize;
		// The voter's stake on each winner it named, by that winner's part of the voter's
		// load, then corrected for rounding to add up to its budget, as the library does.
		let apportioned: Vec<(u32, u128)> = edges[own]
			.iter()
			.filter(|edge| states[edge.candidate as usize].elected)
			.map(|edge| (edge.candidate, mul_div(voter.budget, edge.load, voter.load)))
			.filter(|(_, stake)| *stake > 0)
			.collect();
		let stakes: Vec<u128> = apportioned.iter().map(|(_, stake)| *stake).collect();
		let stakes = stakes.normalize(voter.budget).ok()?;
		for ((candidate, _), stake) in apportioned.into_iter().zip(stakes) {
			let state = &mut states[candidate as usize];
			state.support = state.support.saturating_add(stake);
		}
	}
	Some(
		winners
			.into_iter()
			.map(|winner| (candidates[winner as usize].clone(), states[winner as usize].support))
			.collect(),
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::Perbill;

	/// A xorshift generator: the elections below are random but the same in every run.
	struct Random(u64);

	impl Random {
		fn next(&mut self) -> u64 {
			self.0 ^= self.0 << 13;
			self.0 ^= self.0 >> 7;
			self.0 ^= self.0 << 17;
			self.0
		}

		fn below(&mut self, bound: u64) -> u64 {
			self.next() % bound.max(1)
		}

		/// Vote weights of every size, from zero and one (where scores saturate) to
		/// `u64::MAX`.
		fn weight(&mut self) -> VoteWeight {
			match self.below(6) {
				0 => self.below(3),
				1 => VoteWeight::MAX - self.below(3),
				2 => self.below(1_000),
				_ => self.next() >> self.below(64),
			}
		}
	}

	type Voters = Vec<(u64, VoteWeight, Vec<u64>)>;

	fn library(to_elect: usize, candidates: &[u64], voters: &Voters) -> Option<Vec<(u64, u128)>> {
		sp_npos_elections::seq_phragmen::<u64, Perbill>(to_elect, candidates.to_vec(), voters.clone(), None)
			.ok()
			.map(|result| result.winners)
	}

	fn incremental(to_elect: usize, candidates: &[u64], voters: &Voters) -> Option<Vec<(u64, u128)>> {
		seq_phragmen_winners(to_elect, candidates.to_vec(), voters.iter().map(|(_, weight, targets)| (*weight, targets.clone())))
	}

	#[test]
	fn elects_the_winners_and_supports_of_the_library_in_random_elections() {
		let mut random = Random(0x5eed_cafe);
		let mut compared = 0;
		for _ in 0..3_000 {
			let candidate_count = 1 + random.below(30);
			// Candidates are accounts 1000…; votes also name accounts that do not stand.
			let candidates: Vec<u64> = (0..candidate_count).map(|i| 1_000 + i).collect();
			let voters: Voters = (0..random.below(80))
				.map(|voter| {
					let targets = (0..random.below(8)).map(|_| 1_000 + random.below(candidate_count + 3)).collect();
					(voter, random.weight(), targets)
				})
				.collect();
			let to_elect = random.below(candidate_count + 3) as usize;
			let expected = library(to_elect, &candidates, &voters);
			assert_eq!(incremental(to_elect, &candidates, &voters), expected, "{to_elect} of {candidates:?} by {voters:?}");
			compared += expected.is_some() as u32;
		}
		// The library fails only when a voter's stakes overflow; nearly every election
		// elects.
		assert!(compared > 2_900, "only {compared} elections elected");
	}

	#[test]
	fn elects_the_winners_and_supports_of_the_library_in_an_election_at_the_runtime_maxima() {
		let mut random = Random(42);
		let candidates: Vec<u64> = (0..100).collect();
		let voters: Voters = (0..10_000)
			.map(|voter| {
				let targets = (0..16).map(|_| random.below(100)).collect();
				(1_000 + voter, 1_000_000_000_000 + random.below(1 << 50), targets)
			})
			.collect();
		let expected = library(24, &candidates, &voters).expect("the library elects");
		assert_eq!(expected.len(), 24);
		assert_eq!(incremental(24, &candidates, &voters), Some(expected));
	}

	#[test]
	fn ignores_votes_for_accounts_that_do_not_stand_and_repeated_votes() {
		let voters: Voters = vec![(1, 100, vec![7, 7, 7, 9]), (2, 50, vec![8, 9])];
		assert_eq!(incremental(2, &[7, 8], &voters), library(2, &[7, 8], &voters));
		assert_eq!(incremental(2, &[7, 8], &voters), Some(vec![(7, 100), (8, 50)]));
	}

	#[test]
	fn elects_nobody_without_candidates_and_a_candidate_without_votes_last() {
		let voters: Voters = vec![(1, 10, vec![2])];
		assert_eq!(incremental(3, &[], &voters), Some(vec![]));
		assert_eq!(incremental(3, &[1, 2], &voters), Some(vec![(2, 10), (1, 0)]));
	}
}
