//! A miner's registration: its device profile, its bond, and leaving.
//!
//! The bond is held ([`HoldReason::MinerBond`]) for as long as the miner is registered
//! and for [`Config::UnbondingEras`] after it deregisters, so that its last proofs can
//! still be rejected, and slashed, before the bond is gone. The amount held is recorded
//! per miner: a bond changed by governance applies to the next registration, and a
//! leaving miner gets back exactly what is left of its own.
//!
//! A profile update applies from the next era, so a miner cannot raise its capacity to
//! justify a proof of the era in progress; while the previous era's late proofs are still
//! accepted, the profile they are checked against cannot be replaced either.

use crate::{pallet::*, Miner, MinerProfile, MinerStatus};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_miner(miner: T::AccountId, profile: MinerProfile) -> DispatchResult {
		ensure!(!Miners::<T>::contains_key(&miner), Error::<T>::AlreadyRegistered);
		ensure!(profile.declares_capacity(), Error::<T>::EmptyProfile);
		ensure!(profile.is_within(&T::MaxCapacity::get()), Error::<T>::CapacityAboveLimit);
		let bond = T::MinerBond::get().max(T::MinBondToProve::get());
		T::Currency::hold(&HoldReason::MinerBond.into(), &miner, bond)
			.map_err(|_| Error::<T>::InsufficientBond)?;
		let record = Miner {
			profile,
			next_profile: None,
			bond,
			registered_in: Self::era_state().current,
			status: MinerStatus::Active,
		};
		Miners::<T>::insert(&miner, record);
		Self::deposit_event(Event::MinerRegistered { miner, profile, bond });
		Ok(())
	}

	pub(crate) fn do_update_profile(who: T::AccountId, profile: MinerProfile) -> DispatchResult {
		ensure!(profile.declares_capacity(), Error::<T>::EmptyProfile);
		ensure!(profile.is_within(&T::MaxCapacity::get()), Error::<T>::CapacityAboveLimit);
		let current = Self::era_state().current;
		let from_era = current.saturating_add(1);
		Miners::<T>::try_mutate(&who, |maybe| -> DispatchResult {
			let miner = maybe.as_mut().ok_or(Error::<T>::NotRegistered)?;
			ensure!(miner.status == MinerStatus::Active, Error::<T>::Unbonding);
			// An update already in force becomes the base profile, once no era that still
			// accepts proofs is checked against the profile it replaces.
			if let Some((from, next)) = miner.next_profile {
				if from <= current {
					ensure!(
						from < current || !Self::accepts_proofs(from.saturating_sub(1)),
						Error::<T>::ProfileStillInUse
					);
					miner.profile = next;
					miner.next_profile = None;
				}
			}
			ensure!(*miner.profile_for(from_era) != profile, Error::<T>::ProfileUnchanged);
			miner.next_profile = Some((from_era, profile));
			Ok(())
		})?;
		Self::deposit_event(Event::ProfileUpdated { miner: who, profile, from_era });
		Ok(())
	}

	pub(crate) fn do_deregister(who: T::AccountId) -> DispatchResult {
		let current = Self::era_state().current;
		let withdrawable_from = current.saturating_add(T::UnbondingEras::get());
		Miners::<T>::try_mutate(&who, |maybe| -> DispatchResult {
			let miner = maybe.as_mut().ok_or(Error::<T>::NotRegistered)?;
			ensure!(miner.status == MinerStatus::Active, Error::<T>::Unbonding);
			miner.status = MinerStatus::Unbonding { since: current, withdrawable_from };
			Ok(())
		})?;
		Self::deposit_event(Event::MinerDeregistered { miner: who, withdrawable_from });
		Ok(())
	}

	pub(crate) fn do_withdraw_bond(who: T::AccountId) -> DispatchResult {
		let miner = Miners::<T>::get(&who).ok_or(Error::<T>::NotRegistered)?;
		let withdrawable_from = miner.withdrawable_from().ok_or(Error::<T>::NotUnbonding)?;
		ensure!(Self::era_state().current >= withdrawable_from, Error::<T>::BondStillLocked);
		let amount = T::Currency::release_all(&HoldReason::MinerBond.into(), &who, Precision::BestEffort)?;
		Miners::<T>::remove(&who);
		Self::deposit_event(Event::BondWithdrawn { miner: who, amount });
		Ok(())
	}
}
