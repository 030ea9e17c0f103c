//! Test doubles of the traits between pallets, for the pallets' mock runtimes (feature
//! `testing`, enabled by the pallets' dev-dependencies only).
//!
//! Each double keeps its state in thread-local storage, so every test (one thread each)
//! starts from what its mock's genesis sets, and a test moves the clock or grants power
//! with plain calls: `CurrentEra::set(3)`, `set_power(era, miner, power)`. Accounts are
//! `u64`, as in every mock.

use crate::{
	era::{EraClock, EraIndex},
	power::{Power, ProvenPower},
	treasury::TreasuryAccount,
};
use core::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

std::thread_local! {
	static POWER: RefCell<BTreeMap<(EraIndex, u64), Power>> = const { RefCell::new(BTreeMap::new()) };
	static MINERS: RefCell<BTreeSet<u64>> = const { RefCell::new(BTreeSet::new()) };
}

frame_support::parameter_types! {
	/// The era the tests are in.
	pub static CurrentEra: EraIndex = 0;
	/// Whether the era before [`CurrentEra`] still takes proofs or rejections, so that it
	/// is not yet final (off unless a test turns it on).
	pub static PreviousEraOpen: bool = false;
	/// What [`TestPower`] answers for `power_history_depth`: it forgets nothing unless a
	/// test says otherwise.
	pub static PowerHistoryDepth: EraIndex = EraIndex::MAX;
}

/// The company account is always `ACCOUNT`.
pub struct TreasuryAt<const ACCOUNT: u64>;

impl<const ACCOUNT: u64> TreasuryAccount<u64> for TreasuryAt<ACCOUNT> {
	fn treasury_account() -> u64 {
		ACCOUNT
	}
}

/// The era clock, moved by the tests: the era is [`CurrentEra`]; an era is final once a
/// later one has begun, except the previous era while [`PreviousEraOpen`].
pub struct TestClock;

impl EraClock for TestClock {
	fn current_era() -> EraIndex {
		CurrentEra::get()
	}

	fn is_era_final(era: EraIndex) -> bool {
		let current = CurrentEra::get();
		era < current && !(era.saturating_add(1) == current && PreviousEraOpen::get())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_era_for_benchmark(era: EraIndex) {
		CurrentEra::set(era);
		PreviousEraOpen::set(false);
	}
}

/// Sets `miner`'s accepted power in `era`.
pub fn set_power(era: EraIndex, miner: u64, power: Power) {
	POWER.with(|p| p.borrow_mut().insert((era, miner), power));
}

/// Registers `who` as a miner (without power).
pub fn register_miner(who: u64) {
	MINERS.with(|m| m.borrow_mut().insert(who));
}

/// `who` is no longer a registered miner (its recorded power stays).
pub fn deregister_miner(who: u64) {
	MINERS.with(|m| m.borrow_mut().remove(&who));
}

/// Back to era 0, the previous era final, and no miners or power: what a test starts
/// from before its mock's genesis sets anything.
pub fn reset() {
	CurrentEra::set(0);
	PreviousEraOpen::set(false);
	PowerHistoryDepth::set(EraIndex::MAX);
	POWER.with(|p| p.borrow_mut().clear());
	MINERS.with(|m| m.borrow_mut().clear());
}

/// Miners and their accepted power, as the tests set them.
pub struct TestPower;

impl ProvenPower<u64> for TestPower {
	fn total_power(era: EraIndex) -> Power {
		POWER.with(|p| p.borrow().iter().filter(|((e, _), _)| *e == era).map(|(_, p)| *p).sum())
	}

	fn miner_power(era: EraIndex, miner: &u64) -> Power {
		POWER.with(|p| p.borrow().get(&(era, *miner)).copied().unwrap_or(0))
	}

	fn is_registered_miner(who: &u64) -> bool {
		MINERS.with(|m| m.borrow().contains(who))
	}

	fn power_history_depth() -> EraIndex {
		PowerHistoryDepth::get()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_power_for_benchmark(era: EraIndex, miner: &u64, power: Power) {
		set_power(era, *miner, power);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_miners_for_benchmark(_count: u32) {}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_miner_for_benchmark(who: &u64) {
		register_miner(*who);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_previous_era_is_final_unless_held_open() {
		reset();
		CurrentEra::set(5);
		assert!(TestClock::is_era_final(4));
		assert!(!TestClock::is_era_final(5));
		PreviousEraOpen::set(true);
		assert!(!TestClock::is_era_final(4));
		assert!(TestClock::is_era_final(3));
	}

	#[test]
	fn power_is_per_era_and_miner_and_sums_per_era() {
		reset();
		set_power(1, 10, 30);
		set_power(1, 11, 12);
		set_power(2, 10, 7);
		assert_eq!(TestPower::total_power(1), 42);
		assert_eq!(TestPower::miner_power(1, &11), 12);
		assert_eq!(TestPower::miner_power(2, &11), 0);
		assert!(!TestPower::is_registered_miner(&10));
		register_miner(10);
		assert!(TestPower::is_registered_miner(&10));
		deregister_miner(10);
		assert!(!TestPower::is_registered_miner(&10));
	}
}
