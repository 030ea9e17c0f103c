//! The pallet's domain types: candidates, voters, the backing each candidate has for
//! rewards, and the parameters of elections.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec,
};
use poseidon_primitives::{
	era::EraIndex,
	reward_accumulator::{RewardAccumulator, RewardPerStake},
};
use scale_info::TypeInfo;
use sp_runtime::Perbill;
use sp_staking::SessionIndex;

/// Number of a term: the eras between two elections, counted from 0 at genesis.
pub type TermIndex = u32;

/// QAS in base units as the reward accounting counts it.
pub type Stake = u128;

/// A supernode candidate.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct Candidate<Balance> {
	/// QAS held while the account is a candidate: what it posted, less what offences took.
	pub bond: Balance,
	/// The bond it posted when it stood (the [`crate::Config::CandidacyBond`] of that
	/// day): an offence costs a part of this, whatever the bond parameter is later.
	pub posted: Balance,
	/// The part of its share of each supernode pool the candidate keeps when it is a
	/// supernode; the rest goes to its backers.
	pub commission: Perbill,
	/// The largest part of its posted bond it has lost to offences as a validator during
	/// this candidacy; zero if it has committed none. A candidate with an offence is not
	/// elected again, nor planned as a validator again: its candidacy ends when its term
	/// does.
	pub slashed: Perbill,
	/// The session of its last offence: one offence per session is punished, a further
	/// report of the same session is refused (and its reporter pays the fee).
	pub offence_session: Option<SessionIndex>,
	/// The last era it validated in (the session pallet's set at the era's start): when
	/// its candidacy ends within [`crate::Config::ReportWindowEras`] of it, its bond stays
	/// held as a [`RetiredBond`].
	pub last_validated: Option<EraIndex>,
}

/// What is left of a candidacy bond once the candidacy has ended, kept on hold until
/// [`crate::Config::ReportWindowEras`] eras after the last era its holder validated in,
/// so that an offence of those eras can still be reported and slashed.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct RetiredBond<Balance> {
	/// QAS still held.
	pub bond: Balance,
	/// The bond posted for the candidacy: offences cost parts of this.
	pub posted: Balance,
	/// The largest part of `posted` lost to offences so far.
	pub slashed: Perbill,
	/// The session of the last offence punished.
	pub offence_session: Option<SessionIndex>,
	/// From the start of this era on, the holder may withdraw it.
	pub release_era: EraIndex,
}

/// Why a candidate may not stand at an election. Standing is checked when a candidacy is
/// submitted and again at every election, so that a miner which deregisters, stops
/// proving or offends after standing cannot be elected (and become a validator) on the
/// strength of what it once was.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub enum Ineligibility {
	/// It is no longer a registered miner.
	NotAMiner,
	/// It had no accepted power in the current era or the
	/// [`crate::Config::MinProvenEras`] eras before it.
	NoRecentPower,
	/// It committed an offence as a validator during this candidacy.
	Offence,
}

/// One of a voter's targets, with what the voter has been paid from it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct VoteTarget<AccountId> {
	/// The candidate voted for.
	pub candidate: AccountId,
	/// The target's reward accumulator when the voter was last paid from it; `None` until
	/// the voter has read its cohort's joining value (see [`BackingCohort`]).
	pub reward_per_stake_paid: Option<RewardPerStake>,
}

/// A voter's vote: the QAS it locks and the candidates it approves of.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
#[scale_info(skip_type_params(MaxTargets))]
pub struct Voter<AccountId, Balance, MaxTargets: Get<u32>> {
	/// QAS locked by the vote: the voter's weight in the election.
	pub amount: Balance,
	/// The part of `amount` that backs each target for rewards: `amount / targets`.
	pub stake_per_target: Stake,
	/// The first era whose supernode pool the vote shares: the era after the one it was
	/// cast in.
	pub earns_from: EraIndex,
	/// The candidates voted for, at most [`crate::Config::MaxVotesPerVoter`], no repeats.
	pub targets: BoundedVec<VoteTarget<AccountId>, MaxTargets>,
}

/// What backs a candidate when supernode pools are shared: the stake its voters put
/// behind it, and the O(1) accumulator of what one unit of that stake has earned (see
/// [`poseidon_primitives::reward_accumulator`]).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
	Default,
)]
pub struct Backing {
	/// Σ of `stake_per_target` over the votes for this account that earn already; the
	/// others wait in their cohorts.
	pub stake: Stake,
	/// Number of votes for this account, earning or waiting; the record goes when it
	/// drops to zero.
	pub voters: u32,
	/// What one unit of stake has earned backing this account, and what dividing its
	/// backers' parts by `stake` left over (carried into the next part).
	pub rewards: RewardAccumulator,
	/// The `earns_from` eras of the cohorts still waiting to join `stake`.
	pub waiting: BoundedVec<EraIndex, ConstU32<{ crate::backing::MAX_WAITING_COHORTS }>>,
}

/// The votes for one candidate that earn from the same era.
///
/// Their stake waits here until that era's pool is shared, then joins the candidate's
/// earning stake; the cohort records the accumulator's value at that moment, from which
/// its voters earn, and goes when the last of them has read it (or left).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, Default,
)]
pub struct BackingCohort {
	/// Stake of its votes while it waits (it no longer counts once joined).
	pub stake: Stake,
	/// Its votes that have not read `joined_at` (nor left).
	pub unread: u32,
	/// The candidate's accumulator when the cohort joined; `None` while it waits.
	pub joined_at: Option<RewardPerStake>,
}

/// A winner of an election.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Elected<AccountId, Balance> {
	/// The elected candidate.
	pub who: AccountId,
	/// The QAS sequential Phragmén assigned to it from its voters' amounts.
	pub support: Balance,
}

/// How elections are run; set in genesis and by the parameters origin.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct ElectionParams {
	/// Eras in a term: an election is held every `term_length` eras.
	pub term_length: EraIndex,
	/// Supernodes elected per term.
	pub desired_supernodes: u32,
	/// Runners-up elected after them, next in line at the following election.
	pub desired_runners_up: u32,
	/// Fewest supernodes an election must elect, and fewest supernodes with session keys
	/// that may take over block production; with fewer the current set stays.
	pub min_validators: u32,
}

impl Default for ElectionParams {
	/// SPEC §11's production values: terms of 7 eras, 21 supernodes.
	fn default() -> Self {
		Self { term_length: 7, desired_supernodes: 21, desired_runners_up: 3, min_validators: 4 }
	}
}
