//! The pallet's domain types: deposit plans, depositors' positions and the cohorts that
//! bring new positions into the reward accumulator.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use poseidon_primitives::era::EraIndex;
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
	/// percent units (`amount × reward_multiplier`) so that no precision is lost.
	pub weight: RewardWeight,
	/// The era it was deposited in: it shares the pools of this era and every later one
	/// until it is withdrawn.
	pub start_era: EraIndex,
	/// First era it may be withdrawn in (`start_era + lock_eras`); it is mature once the
	/// last era of its term has also been settled.
	pub maturity_era: EraIndex,
	/// The accumulator's value up to which its rewards have been paid; `None` until the
	/// pool of `start_era` has been shared (then its cohort's recorded value applies).
	pub reward_per_weight_paid: Option<u128>,
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
	pub joined_at: Option<u128>,
}
