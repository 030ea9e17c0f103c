//! Accepting proofs, the power per unit of resource they are valued at, and the accepted
//! power other pallets read.

use crate::{pallet::*, weights::WeightInfo, ProofRecord, ResourceUsage, ResourceWeights};
use frame_support::{
	dispatch::{DispatchErrorWithPostInfo, DispatchResultWithPostInfo, PostDispatchInfo},
	ensure,
	pallet_prelude::*,
};
use poseidon_primitives::{
	era::EraIndex,
	power::{Power, ProvenPower},
};

/// Bytes a 1 Mbit/s link carries in one millisecond: 10⁶ bit / 8 / 1000.
const BYTES_PER_MBIT_MS: u128 = 125;
/// Milliseconds in an hour.
const MS_PER_HOUR: u128 = 3_600_000;

impl<T: Config> Pallet<T> {
	/// Records `who`'s proof of `era`. A duplicate is refused for the little its check
	/// cost; a valid first proof pays no fee.
	pub(crate) fn do_submit_proof(
		who: T::AccountId,
		era: EraIndex,
		usage: ResourceUsage,
		evidence: [u8; 32],
	) -> DispatchResultWithPostInfo {
		if Proofs::<T>::contains_key(era, &who) {
			return Err(DispatchErrorWithPostInfo {
				post_info: PostDispatchInfo {
					actual_weight: Some(T::WeightInfo::submit_proof_duplicate()),
					pays_fee: Pays::Yes,
				},
				error: Error::<T>::DuplicateProof.into(),
			});
		}
		let power = Self::accept_proof(&who, era, &usage)?;
		Proofs::<T>::insert(era, &who, ProofRecord { usage, evidence, power, rejections: 0, rejected: false });
		EraTotalPower::<T>::mutate(era, |total| *total = total.saturating_add(power));
		Self::deposit_event(Event::ProofAccepted { miner: who, era, power });
		Ok(Pays::No.into())
	}

	/// Sets the power per unit of each resource, for proofs submitted from now on (those
	/// already accepted keep the power they were given).
	pub(crate) fn do_set_power_per_unit(weights: ResourceWeights) -> DispatchResult {
		ensure!(weights.values_something(), Error::<T>::ZeroResourceWeights);
		ensure!(weights.is_within(&T::MaxResourceWeights::get()), Error::<T>::ResourceWeightsAboveLimit);
		PowerPerUnit::<T>::put(weights);
		Self::deposit_event(Event::ResourceWeightsChanged { weights });
		Ok(())
	}

	/// Checks a new proof of `era` by `who` and returns its power. Does not write.
	pub(crate) fn accept_proof(
		who: &T::AccountId,
		era: EraIndex,
		usage: &ResourceUsage,
	) -> Result<Power, DispatchError> {
		let miner = Miners::<T>::get(who).ok_or(Error::<T>::NotRegistered)?;
		let state = Self::era_state();
		ensure!(era <= state.current, Error::<T>::FutureEra);
		ensure!(Self::accepts_proofs(era), Error::<T>::EraClosed);
		ensure!(miner.may_prove(era), Error::<T>::NotMinerInEra);
		ensure!(miner.bond >= T::MinBondToProve::get(), Error::<T>::BondTooSmall);
		ensure!(!usage.is_empty(), Error::<T>::EmptyUsage);

		let profile = miner.profile_for(era).capped_by(&T::MaxCapacity::get());
		let era_ms = u128::from(Self::era_duration_ms(&state, era));
		// Each side in u128: capacity (u32) × 125 × era_ms (u64) cannot overflow.
		let bandwidth_ok = u128::from(usage.bandwidth_bytes) <=
			u128::from(profile.bandwidth_mbps) * BYTES_PER_MBIT_MS * era_ms;
		let cpu_ok = u128::from(usage.cpu_seconds) * 1_000_000 <=
			u128::from(profile.cpu_millicores) * era_ms;
		let storage_ok = u128::from(usage.storage_gib_hours) * MS_PER_HOUR <=
			u128::from(profile.storage_gib) * era_ms;
		ensure!(bandwidth_ok && cpu_ok && storage_ok, Error::<T>::ImplausibleUsage);

		Ok(PowerPerUnit::<T>::get().power_of(usage))
	}

	/// Removes the stored proofs and rejections of the oldest expired era, as many as
	/// `remaining` weight allows; returns the weight used.
	pub(crate) fn prune_expired_proofs(remaining: Weight) -> Weight {
		let mut used = T::WeightInfo::on_idle_nothing_to_prune();
		if remaining.any_lt(used) {
			return Weight::zero();
		}
		let era = OldestStoredEra::<T>::get();
		let current = Self::era_state().current;
		if era.saturating_add(T::ProofHistoryDepth::get()) >= current {
			return used;
		}
		let per_item = T::WeightInfo::prune_proofs(1).saturating_sub(T::WeightInfo::prune_proofs(0));
		let budget = remaining.saturating_sub(T::WeightInfo::prune_proofs(0));
		let limit = poseidon_primitives::bounded_work::items_within(budget, per_item);
		if limit == 0 {
			return used;
		}
		// Within a block each prefix is cleared at most once, so no cursor is needed:
		// keys removed in earlier blocks are gone from the trie.
		let rejections = Rejections::<T>::clear_prefix((era,), limit, None);
		let left = limit.saturating_sub(rejections.unique);
		let mut removed = rejections.unique;
		let mut done = false;
		if rejections.maybe_cursor.is_none() && left > 0 {
			let proofs = Proofs::<T>::clear_prefix(era, left, None);
			removed = removed.saturating_add(proofs.unique);
			if proofs.maybe_cursor.is_none() {
				EraTotalPower::<T>::remove(era);
				OldestStoredEra::<T>::put(era.saturating_add(1));
				done = true;
			}
		}
		used = T::WeightInfo::prune_proofs(removed);
		if done {
			Self::deposit_event(Event::ProofsPruned { era });
		}
		used
	}
}

impl<T: Config> ProvenPower<T::AccountId> for Pallet<T> {
	fn total_power(era: EraIndex) -> Power {
		EraTotalPower::<T>::get(era)
	}

	fn miner_power(era: EraIndex, miner: &T::AccountId) -> Power {
		Proofs::<T>::get(era, miner).map(|proof| proof.accepted_power()).unwrap_or(0)
	}

	fn is_registered_miner(who: &T::AccountId) -> bool {
		Miners::<T>::get(who).is_some_and(|miner| matches!(miner.status, crate::MinerStatus::Active))
	}

	/// Proofs of an era are pruned once the current era is past it by more than
	/// [`Config::ProofHistoryDepth`] (see `prune_expired_proofs`).
	fn power_history_depth() -> EraIndex {
		T::ProofHistoryDepth::get()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_power_for_benchmark(era: EraIndex, miner: &T::AccountId, power: Power) {
		let proof = crate::ProofRecord {
			usage: ResourceUsage { bandwidth_bytes: 1, ..Default::default() },
			evidence: [0; 32],
			power,
			rejections: 0,
			rejected: false,
		};
		if let Some(old) = Proofs::<T>::get(era, miner) {
			EraTotalPower::<T>::mutate(era, |total| *total = total.saturating_sub(old.accepted_power()));
		}
		Proofs::<T>::insert(era, miner, proof);
		EraTotalPower::<T>::mutate(era, |total| *total = total.saturating_add(power));
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_miners_for_benchmark(count: u32) {
		for index in 0..count {
			let who: T::AccountId = frame_benchmarking::account("registered-miner", index, 0);
			Self::register_miner_for_benchmark(&who);
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_miner_for_benchmark(who: &T::AccountId) {
		let profile = crate::MinerProfile {
			bandwidth_mbps: 1_000,
			cpu_millicores: 4_000,
			storage_gib: 1_000,
			region: 276,
		};
		let miner = crate::Miner {
			profile,
			next_profile: None,
			bond: Default::default(),
			registered_in: Self::era_state().current,
			status: crate::MinerStatus::Active,
		};
		Miners::<T>::insert(who, miner);
	}
}
