//! Benchmarks of the deposits pallet: every call, and the sharing of a pool. The claim
//! and the sharing run with up to [`BENCHMARKED_POSITIONS`] positions of other accounts
//! on the chain to show that their cost does not depend on that number.

use super::*;
use crate::pallet::{
	Cohorts, LastSharedEra, Ledger, Maturing, PlanCount, Plans, Positions, QasOf, QqqOf, RewardPerWeight, TotalWeight,
	BENCHMARKED_POSITIONS,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use poseidon_primitives::era::{EraClock, EraIndex};
use sp_runtime::traits::{Saturating, Zero};

/// A plan with the longest term and the highest multiplier; returns its number.
fn a_plan<T: Config>(lock_eras: EraIndex) -> PlanId {
	Pallet::<T>::add_plan(lock_eras, T::MaxRewardMultiplier::get(), T::MinDepositFloor::get())
		.expect("the benchmark plan is valid")
}

/// The smallest deposit.
fn floor<T: Config>() -> QasOf<T> {
	T::MinDepositFloor::get()
}

/// Gives `who` QAS for `deposits` smallest deposits, and a QQQ account.
fn fund<T: Config>(who: &T::AccountId, deposits: u32) {
	let qas = floor::<T>().saturating_mul(deposits.saturating_add(1).into());
	T::Qas::set_balance(who, qas.saturating_add(T::Qas::minimum_balance()));
	T::Qqq::set_balance(who, T::Qqq::minimum_balance());
}

/// `count` accounts, each with one position in `plan` deposited in the current era.
///
/// The setup's events are cleared afterwards, as a new block clears the events of the
/// blocks before: otherwise the measured call would append its event to a list of
/// `count` events and its time would grow with the setup, not with the call.
fn other_positions<T: Config>(plan: PlanId, count: u32) {
	for index in 0..count {
		let who: T::AccountId = account("depositor", index, 0);
		fund::<T>(&who, 1);
		Pallet::<T>::do_deposit(who, plan, floor::<T>()).expect("the benchmark deposit is valid");
	}
	frame_system::Pallet::<T>::reset_events();
}

/// A pool large enough that every position earns more than the existential deposit.
fn a_pool<T: Config>() -> QqqOf<T> {
	T::Qqq::minimum_balance().saturating_mul(1_000_000u32.into())
}

/// Pays `amount` into the pool account (as the revenue pallet would) and shares it.
fn receive_pool<T: Config>(era: EraIndex, amount: QqqOf<T>) {
	let account = Pallet::<T>::pool_account();
	let balance = T::Qqq::balance(&account).max(T::Qqq::minimum_balance());
	T::Qqq::set_balance(&account, balance.saturating_add(amount));
	Pallet::<T>::share_pool(era, amount);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_plan() -> Result<(), BenchmarkError> {
		let origin = T::PlanOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let plan = PlanCount::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::MaxLockEras::get(), T::MaxRewardMultiplier::get(), floor::<T>());
		assert!(Plans::<T>::get(plan).is_some_and(|p| p.open));
		Ok(())
	}

	#[benchmark]
	fn close_plan() -> Result<(), BenchmarkError> {
		let origin = T::PlanOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let plan = a_plan::<T>(1);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, plan);
		assert!(Plans::<T>::get(plan).is_some_and(|p| !p.open));
		Ok(())
	}

	/// Worst case: the depositor's list is one short of full.
	#[benchmark]
	fn deposit() {
		let plan = a_plan::<T>(T::MaxLockEras::get());
		let caller: T::AccountId = whitelisted_caller();
		let max = T::MaxPositions::get();
		fund::<T>(&caller, max);
		for _ in 1..max {
			Pallet::<T>::do_deposit(caller.clone(), plan, floor::<T>()).expect("valid deposit");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), plan, floor::<T>());
		assert_eq!(Positions::<T>::get(&caller).len() as u32, max);
	}

	/// Worst case: a full list of positions, each from another era, each still to leave
	/// both the cohort it joined with and the maturing cohort it left with (the plan's
	/// multiplier is above ×1.0); `n` positions of other accounts on the chain.
	#[benchmark]
	fn claim(n: Linear<1, BENCHMARKED_POSITIONS>) {
		let plan = a_plan::<T>(1);
		let caller: T::AccountId = whitelisted_caller();
		let max = T::MaxPositions::get();
		fund::<T>(&caller, max);
		T::Clock::set_era_for_benchmark(0);
		other_positions::<T>(plan, n);
		// A deposit of era e starts in e + 1 and matures in e + 2.
		for era in 0..max.saturating_add(2) {
			T::Clock::set_era_for_benchmark(era);
			if era < max {
				Pallet::<T>::do_deposit(caller.clone(), plan, floor::<T>()).expect("valid deposit");
			}
			receive_pool::<T>(era, a_pool::<T>());
		}
		let before = T::Qqq::balance(&caller);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));
		assert!(T::Qqq::balance(&caller) > before);
		let positions = Positions::<T>::get(&caller);
		assert!(positions.iter().all(|p| p.reward_per_weight_paid.is_some()));
		// Every one of them has read its maturity and weighs ×1.0 now.
		assert!(positions.iter().all(|p| p.weight == Pallet::<T>::weight_at_maturity(p)));
	}

	/// Worst case: a full list, and the withdrawn position still has to leave its cohort
	/// and take its extra weight out of its maturing cohort, which has not left yet.
	#[benchmark]
	fn withdraw() {
		let plan = a_plan::<T>(1);
		let caller: T::AccountId = whitelisted_caller();
		let max = T::MaxPositions::get();
		fund::<T>(&caller, max);
		T::Clock::set_era_for_benchmark(0);
		for _ in 0..max {
			Pallet::<T>::do_deposit(caller.clone(), plan, floor::<T>()).expect("valid deposit");
		}
		// Their term is era 1; era 2 is their maturity era, not yet settled.
		receive_pool::<T>(0, a_pool::<T>());
		T::Clock::set_era_for_benchmark(1);
		receive_pool::<T>(1, a_pool::<T>());
		T::Clock::set_era_for_benchmark(2);
		let position = Positions::<T>::get(&caller)[0].id;
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), position);
		assert_eq!(Positions::<T>::get(&caller).len() as u32, max - 1);
		assert_eq!(Maturing::<T>::get(2).map(|m| m.unsettled_positions), Some(max - 1));
	}

	/// Sharing a pool among `n` positions, with a cohort joining, a maturing cohort
	/// leaving, and QQQ and a remainder carried from before.
	#[benchmark]
	fn share_pool(n: Linear<1, BENCHMARKED_POSITIONS>) {
		let plan = a_plan::<T>(1);
		// The `n` positions start in era 1 and mature in era 2.
		T::Clock::set_era_for_benchmark(0);
		other_positions::<T>(plan, n);
		receive_pool::<T>(0, a_pool::<T>());
		T::Clock::set_era_for_benchmark(1);
		let joining: T::AccountId = account("joining", 0, 0);
		fund::<T>(&joining, 1);
		Pallet::<T>::do_deposit(joining, plan, floor::<T>()).expect("valid deposit");
		receive_pool::<T>(1, a_pool::<T>());
		T::Clock::set_era_for_benchmark(2);
		Ledger::<T>::mutate(|ledger| ledger.carry(QqqOf::<T>::from(1u32)));
		RewardPerWeight::<T>::mutate(|accumulator| accumulator.remainder = 1);
		let amount = a_pool::<T>();
		let account = Pallet::<T>::pool_account();
		T::Qqq::set_balance(&account, T::Qqq::balance(&account).saturating_add(amount));
		#[block]
		{
			Pallet::<T>::share_pool(2, amount);
		}
		assert_eq!(LastSharedEra::<T>::get(), Some(2));
		assert!(Cohorts::<T>::get(2).is_some_and(|c| c.joined_at.is_some()));
		assert!(Maturing::<T>::get(2).is_some_and(|m| m.matured_at.is_some()));
		assert!(!TotalWeight::<T>::get().is_zero());
	}

	/// A pool nobody shares goes to the treasury.
	#[benchmark]
	fn send_pool_to_treasury() {
		let amount = a_pool::<T>();
		let account = Pallet::<T>::pool_account();
		// The pool and the carried QQQ are in the account, above its existential deposit.
		let carried = QqqOf::<T>::from(1u32);
		T::Qqq::set_balance(&account, T::Qqq::minimum_balance().saturating_add(amount).saturating_add(carried));
		let treasury = <T::Treasury as poseidon_primitives::treasury::TreasuryAccount<_>>::treasury_account();
		T::Qqq::set_balance(&treasury, T::Qqq::minimum_balance());
		Ledger::<T>::mutate(|ledger| ledger.carry(carried));
		#[block]
		{
			Pallet::<T>::share_pool(0, amount);
		}
		assert_eq!(
			T::Qqq::balance(&treasury),
			T::Qqq::minimum_balance().saturating_add(amount).saturating_add(carried)
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
