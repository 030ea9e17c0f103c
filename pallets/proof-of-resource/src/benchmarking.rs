//! Benchmarks of the proof-of-resource pallet: every call in its worst case, the clock in
//! `on_initialize` and the pruning in `on_idle`.

use super::*;
use crate::pallet::{BalanceOf, Era, Miners, OldestStoredEra, Proofs};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get, Hooks},
	weights::Weight,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use poseidon_primitives::{era::EraIndex, supernodes::SupernodeSet, treasury::TreasuryAccount};
use sp_runtime::traits::{One, Saturating};

fn funded_miner<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount: BalanceOf<T> = T::MinerBond::get().saturating_mul(10u32.into()).saturating_add(1_000_000u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

fn big_profile() -> MinerProfile {
	MinerProfile { bandwidth_mbps: 10_000, cpu_millicores: 64_000, storage_gib: 100_000, region: 276 }
}

fn registered_miner<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = funded_miner::<T>(name, index);
	Pallet::<T>::register_miner(RawOrigin::Signed(who.clone()).into(), big_profile())
		.expect("a funded account registers");
	who
}

fn usage() -> ResourceUsage {
	ResourceUsage { bandwidth_bytes: 1_000_000, cpu_seconds: 10, storage_gib_hours: 1 }
}

/// Puts the clock at the start of `era` with the default length.
fn set_era<T: Config>(era: EraIndex) {
	let mut state = Pallet::<T>::era_state();
	state.current = era;
	state.start = frame_system::Pallet::<T>::block_number();
	Era::<T>::put(state);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_miner() {
		let miner = funded_miner::<T>("miner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()), big_profile());
		assert!(Miners::<T>::contains_key(&miner));
	}

	#[benchmark]
	fn update_profile() {
		let miner = registered_miner::<T>("miner", 0);
		// Worst case: an earlier update is in force and is folded in first.
		Pallet::<T>::update_profile(
			RawOrigin::Signed(miner.clone()).into(),
			MinerProfile { bandwidth_mbps: 1, ..big_profile() },
		)
		.unwrap();
		set_era::<T>(2);
		let profile = MinerProfile { bandwidth_mbps: 2, ..big_profile() };
		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()), profile);
		assert_eq!(Miners::<T>::get(&miner).unwrap().next_profile, Some((3, profile)));
	}

	#[benchmark]
	fn deregister() {
		let miner = registered_miner::<T>("miner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()));
		assert_ne!(Miners::<T>::get(&miner).unwrap().status, MinerStatus::Active);
	}

	#[benchmark]
	fn withdraw_bond() {
		let miner = registered_miner::<T>("miner", 0);
		Pallet::<T>::deregister(RawOrigin::Signed(miner.clone()).into()).unwrap();
		set_era::<T>(T::UnbondingEras::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()));
		assert!(!Miners::<T>::contains_key(&miner));
	}

	#[benchmark]
	fn submit_proof() {
		let miner = registered_miner::<T>("miner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()), 0, usage(), [7; 32]);
		assert!(Proofs::<T>::contains_key(0, &miner));
	}

	/// What a duplicate proof costs before it is refused.
	#[benchmark]
	fn submit_proof_duplicate() {
		let miner = registered_miner::<T>("miner", 0);
		Pallet::<T>::submit_proof(RawOrigin::Signed(miner.clone()).into(), 0, usage(), [7; 32]).unwrap();
		let result;
		#[block]
		{
			result = Pallet::<T>::submit_proof(RawOrigin::Signed(miner.clone()).into(), 0, usage(), [8; 32]);
		}
		assert!(result.is_err());
	}

	/// Worst case: the rejection that reaches the quorum of the largest supernode set,
	/// slashes the bond, pays every rejector and ejects the miner.
	#[benchmark]
	fn reject_proof() {
		let supernodes: alloc::vec::Vec<T::AccountId> =
			(0..T::MaxSupernodes::get()).map(|i| account("supernode", i, 0)).collect();
		for supernode in &supernodes {
			T::Currency::set_balance(supernode, 1_000_000u32.into());
		}
		T::Supernodes::set_supernodes_for_benchmark(supernodes.clone());
		let treasury = T::Treasury::treasury_account();
		T::Currency::set_balance(&treasury, 1_000_000u32.into());
		let miner = registered_miner::<T>("miner", 0);
		Pallet::<T>::submit_proof(RawOrigin::Signed(miner.clone()).into(), 0, usage(), [7; 32]).unwrap();
		let quorum = Pallet::<T>::rejection_quorum();
		for supernode in supernodes.iter().take(quorum.saturating_sub(1) as usize) {
			Pallet::<T>::reject_proof(
				RawOrigin::Signed(supernode.clone()).into(),
				miner.clone(),
				0,
				RejectionReason::Other,
			)
			.unwrap();
		}
		let last = supernodes[quorum.saturating_sub(1) as usize].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(last), miner.clone(), 0, RejectionReason::UsageInflated);
		assert!(Proofs::<T>::get(0, &miner).unwrap().rejected);
		assert!(matches!(Miners::<T>::get(&miner).unwrap().status, MinerStatus::Ejected { .. }));
	}

	#[benchmark]
	fn set_resource_weights() -> Result<(), BenchmarkError> {
		let origin = T::ResourceWeightsOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let weights = ResourceWeights { per_bandwidth_byte: 3, per_cpu_second: 4, per_storage_gib_hour: 5 };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, weights);
		assert_eq!(PowerPerUnit::<T>::get(), weights);
		Ok(())
	}

	#[benchmark]
	fn set_era_length() -> Result<(), BenchmarkError> {
		let origin =
			T::EraLengthOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let length = T::MaxEraLength::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, length);
		assert_eq!(NextEraLength::<T>::get(), Some(length));
		Ok(())
	}

	/// A block that starts a new era, with a new era length waiting.
	#[benchmark]
	fn on_initialize_new_era() {
		NextEraLength::<T>::put(T::MaxEraLength::get());
		let state = Pallet::<T>::era_state();
		let now = state.start.saturating_add(state.length);
		frame_system::Pallet::<T>::set_block_number(now);
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert_eq!(Pallet::<T>::era_state().current, state.current + 1);
	}

	/// A block in the middle of an era.
	#[benchmark]
	fn on_initialize_same_era() {
		let state = Pallet::<T>::era_state();
		let now: BlockNumberFor<T> = state.start.saturating_add(One::one());
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert_eq!(Pallet::<T>::era_state().current, state.current);
	}

	/// An idle block with no expired era to prune.
	#[benchmark]
	fn on_idle_nothing_to_prune() {
		#[block]
		{
			Pallet::<T>::prune_expired_proofs(Weight::MAX);
		}
		assert_eq!(OldestStoredEra::<T>::get(), 0);
	}

	/// Pruning `n` proofs of an expired era (rejections cost the same per entry).
	#[benchmark]
	fn prune_proofs(n: Linear<0, 1_000>) {
		for index in 0..n {
			let miner: T::AccountId = account("pruned", index, 0);
			<Pallet<T> as poseidon_primitives::power::ProvenPower<T::AccountId>>::set_power_for_benchmark(
				0, &miner, 1,
			);
		}
		set_era::<T>(T::ProofHistoryDepth::get().saturating_add(1));
		#[block]
		{
			Pallet::<T>::prune_expired_proofs(Weight::MAX);
		}
		assert_eq!(Proofs::<T>::iter_prefix(0).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
