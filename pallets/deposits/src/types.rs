//! The pallet's domain types: deposit plans, depositors' positions and the cohorts that
//! bring new positions into the reward accumulator.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use poseidon_primitives::{era::EraIndex, reward_accumulator::RewardPerStake};
use scale_info::TypeInfo;

/// Number of a deposit plan (plans are numbered from 0 in the order they are created).
pub type PlanId = u32;

/// Number of a position, unique on the chain: a position keeps its number for its whole
/// life, and numbers are never reused, so wallets and explorers can refer to it.
pub type PositionId = u64;

/// Weight of a position in the depositors' pool: QAS base units × multiplier percent.
pub type RewardWeight = u128;

/// A deposit plan: how long QAS is locked and how much a locked QAS weighs when the
/// depositors' pool is shared. Longer locks weigh more.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct Plan<Balance> {
	/// Eras from the deposit until the QAS can be withdrawn.
	pub lock_eras: EraIndex,
	/// Weight per QAS in percent: 100 = ×1.0, 130 = ×1.3.
	pub reward_multiplier: u16,
	/// Smallest deposit into this plan.
	pub min_amount: Balance,
	/// Whether new deposits are accepted; closing a plan keeps its positions as they are.
	pub open: bool,
}

/// QAS deposited into a plan by one account.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug,
)]
pub struct Position<Balance> {
	/// Its number.
	pub id: PositionId,
	/// The plan it was deposited into.
	pub plan: PlanId,
	/// QAS held.
	pub amount: Balance,
	/// Its share of the depositors' pool: `amount × reward_multiplier / 100`, kept in
	/// percent units (`amount × reward_multiplier`) so that no precision is lost. From its
	/// maturity era on it is `amount × 100` (×1.0): the multiplier pays for the lock, and
	/// a mature position is no longer locked. It drops when the position is next settled
	/// after its [`MaturingCohort`] has left the accumulator.
	pub weight: RewardWeight,
	/// The first era whose pool it shares: the era after the one it was deposited in, so
	/// that a deposit made at the end of an era does not take that era's pool. It shares
	/// this pool and every later one until it is withdrawn.
	pub start_era: EraIndex,
	/// First era it may be withdrawn in (`start_era + lock_eras`); it is mature once the
	/// last era of its term has also been settled.
	pub maturity_era: EraIndex,
	/// The accumulator's value up to which its rewards have been paid; `None` until the
	/// pool of `start_era` has been shared (then its cohort's recorded value applies).
	pub reward_per_weight_paid: Option<RewardPerStake>,
}

/// All positions deposited during one era.
///
/// They join the accumulator together, right before that era's pool is shared: until
/// then their weight waits here, so they take no part in the pools of earlier eras, even
/// of the previous era if it is settled after they were deposited. The cohort then
/// records the accumulator's value at which they joined; each position reads it once,
/// when its owner next claims or withdraws, and the cohort is removed when the last of
/// its positions has done so.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, Default,
)]
pub struct Cohort {
	/// Weight of its positions not yet in the accumulator (zero once it has joined).
	pub waiting_weight: RewardWeight,
	/// Its positions that have not yet read `joined_at`.
	pub unsettled_positions: u32,
	/// The accumulator's value when the cohort joined; `None` while it waits.
	pub joined_at: Option<RewardPerStake>,
}

/// The extra weight (multiplier above ×1.0) of all positions whose maturity era is one
/// era.
///
/// Right before that era's pool is shared, the extra weight leaves the accumulator and
/// the value at which it left is recorded: a position earns at its plan's multiplier up
/// to that value and at ×1.0 after it. Each position reads the value once, when it is
/// next settled (its weight then drops to ×1.0), and the cohort is removed when the last
/// of its positions has done so or been withdrawn. Positions of ×1.0 plans are not in
/// any maturing cohort.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, Default,
)]
pub struct MaturingCohort {
	/// Weight above ×1.0 of its positions that have not read `matured_at` (what leaves
	/// the total at maturity).
	pub extra_weight: RewardWeight,
	/// Its positions that have not yet read `matured_at` (nor been withdrawn).
	pub unsettled_positions: u32,
	/// The accumulator's value when the extra weight left; `None` until then.
	pub matured_at: Option<RewardPerStake>,
}
