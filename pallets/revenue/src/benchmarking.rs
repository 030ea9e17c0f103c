//! Benchmarks of the revenue pallet: every call, and `on_initialize` in each of its
//! cases. The settlement benchmark registers up to 100 000 miners to show that its cost
//! does not depend on their number.

use super::*;
use crate::pallet::{
	BalanceOf, ClaimedRewards, CurrentSplit, EraRevenue, EraRewards, EraSplit, LastStartedEra,
	MinerPoolCarry, NextEraToSettle, NextSplit, OldestClaimRecordEra,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get, Hooks},
	weights::Weight,
	BoundedVec,
};
use frame_system::RawOrigin;
use poseidon_primitives::{
	era::{EraClock, EraIndex},
	pools::RewardPool,
	power::ProvenPower,
	treasury::TreasuryAccount,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	Percent,
};

/// A comfortable amount: a thousand times the minimum payment.
fn plenty<T: Config>() -> BalanceOf<T> {
	T::MinPayment::get().saturating_mul(1_000u32.into())
}

/// The accounts settlement pays must exist.
fn fund_receivers<T: Config>() {
	let amount = T::MinPayment::get();
	T::Currency::set_balance(&T::Treasury::treasury_account(), amount);
	T::Currency::set_balance(&T::SupernodePool::pool_account(), amount);
	T::Currency::set_balance(&T::DepositorPool::pool_account(), amount);
}

/// Makes the pot hold what it owes plus `extra`.
fn fund_pot<T: Config>(extra: BalanceOf<T>) {
	T::Currency::set_balance(&Pallet::<T>::pot(), plenty::<T>().saturating_add(extra));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn pay_for_service() {
		let customer: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&customer, plenty::<T>());
		let amount = T::MinPayment::get();
		let order_ref = BoundedVec::truncate_from(alloc::vec![7u8; T::MaxOrderRefLen::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(customer), amount, order_ref);
		assert_eq!(EraRevenue::<T>::get(T::Clock::current_era()), amount);
	}

	/// Worst case: a pending split is replaced.
	#[benchmark]
	fn set_split() -> Result<(), BenchmarkError> {
		let origin = T::SplitOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let current = CurrentSplit::<T>::get();
		let miners = current.miners.deconstruct();
		let moved = if miners > T::MinMinerShare::get().deconstruct() { miners - 1 } else { miners + 1 };
		let new = RevenueSplit { miners: Percent::from_percent(moved), depositors: Percent::zero(), ..current };
		NextSplit::<T>::put(current);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new);
		assert_eq!(NextSplit::<T>::get(), Some(new));
		Ok(())
	}

	/// A claim of `e` settled eras.
	#[benchmark]
	fn claim_miner_rewards(e: Linear<1, { T::MaxClaimEras::get() }>) {
		let miner: T::AccountId = account("miner", 0, 0);
		let other: T::AccountId = account("miner", 1, 0);
		T::Currency::set_balance(&miner, T::MinPayment::get());
		let pool = T::MinPayment::get().saturating_mul(10u32.into());
		for era in 0..e {
			T::Power::set_power_for_benchmark(era, &miner, 1);
			T::Power::set_power_for_benchmark(era, &other, 2);
			EraRewards::<T>::insert(
				era,
				EraReward { miner_pool: pool, total_power: 3, claimed: Zero::zero() },
			);
			EraRevenue::<T>::remove(era);
		}
		NextEraToSettle::<T>::put(e);
		fund_pot::<T>(pool.saturating_mul(e.into()));
		let eras: BoundedVec<EraIndex, T::MaxClaimEras> = BoundedVec::truncate_from((0..e).collect());
		#[extrinsic_call]
		_(RawOrigin::Signed(whitelisted_caller()), miner.clone(), eras);
		assert!(ClaimedRewards::<T>::contains_key(e - 1, &miner));
	}

	/// A block with nothing to do.
	#[benchmark]
	fn on_initialize_idle() {
		let current = T::Clock::current_era();
		LastStartedEra::<T>::put(current);
		NextEraToSettle::<T>::put(current);
		#[block]
		{
			Pallet::<T>::on_initialize(1u32.into());
		}
		assert_eq!(NextEraToSettle::<T>::get(), current);
	}

	/// The first block of an era, with a pending split coming into force.
	#[benchmark]
	fn on_initialize_era_start() {
		T::Clock::set_era_for_benchmark(2);
		LastStartedEra::<T>::put(1);
		NextEraToSettle::<T>::put(2);
		NextSplit::<T>::put(RevenueSplit::default());
		#[block]
		{
			Pallet::<T>::start_era(2);
		}
		assert_eq!(EraSplit::<T>::get(2), Some(RevenueSplit::default()));
	}

	/// Settling an era with `m` registered miners, in its worst case: all transfers
	/// happen, a carried-over pool is added, and an era leaves the history and is swept.
	#[benchmark]
	fn on_initialize_settlement(m: Linear<1, SETTLEMENT_BENCHMARKED_MINERS>) {
		T::Power::register_miners_for_benchmark(m);
		let era = T::HistoryDepth::get();
		let miner: T::AccountId = account("miner", 0, 0);
		T::Power::set_power_for_benchmark(era, &miner, 1_000);
		fund_receivers::<T>();
		let revenue = plenty::<T>();
		EraRevenue::<T>::insert(era, revenue);
		EraSplit::<T>::insert(era, RevenueSplit::default());
		MinerPoolCarry::<T>::put(T::MinPayment::get());
		let expired = EraReward {
			miner_pool: T::MinPayment::get(),
			total_power: 1,
			claimed: Zero::zero(),
		};
		EraRewards::<T>::insert(0, expired);
		fund_pot::<T>(revenue);
		NextEraToSettle::<T>::put(era);
		#[block]
		{
			Pallet::<T>::settle(era);
		}
		assert_eq!(NextEraToSettle::<T>::get(), era + 1);
		assert!(EraRewards::<T>::get(0).is_none());
	}

	/// Removing `n` claim records of a swept era.
	#[benchmark]
	fn prune_claim_records(n: Linear<0, 1_000>) {
		for index in 0..n {
			let miner: T::AccountId = account("claimed", index, 0);
			ClaimedRewards::<T>::insert(0, miner, BalanceOf::<T>::zero());
		}
		OldestClaimRecordEra::<T>::put(0);
		NextEraToSettle::<T>::put(T::HistoryDepth::get().saturating_add(1));
		#[block]
		{
			Pallet::<T>::prune_claim_records(Weight::MAX);
		}
		assert_eq!(ClaimedRewards::<T>::iter_prefix(0).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
