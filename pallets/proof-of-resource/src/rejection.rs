//! Optimistic verification: proofs count unless a quorum of supernodes rejects them before
//! their era is final.
//!
//! What a rejection costs whom:
//!
//! - the miner: the proof's power, its place in the network (it is ejected and can prove
//!   nothing more) and [`Config::FraudSlash`] of what is left of its bond. Faking usage
//!   therefore risks far more than one era's reward;
//! - the supernodes: nothing, when they are right. Those whose rejections made the quorum
//!   share [`Config::RejectorsShare`] of the slash, much more than their calls' fees, and
//!   the call that reaches the quorum pays no fee. A rejection that never reaches the
//!   quorum paid its fee and earns nothing, so a minority cannot harass rivals for free.

use crate::{pallet::*, MinerStatus, RejectionReason};
use alloc::vec::Vec;
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, Pays},
	ensure,
	traits::Get,
};
use poseidon_primitives::{
	era::EraIndex, power::Power, supernodes::SupernodeSet, treasury::TreasuryAccount,
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Records `supernode`'s rejection of `miner`'s proof of `era`; at the quorum, removes
	/// the proof's power and punishes the miner.
	pub(crate) fn do_reject_proof(
		supernode: T::AccountId,
		miner: T::AccountId,
		era: EraIndex,
		reason: RejectionReason,
	) -> DispatchResultWithPostInfo {
		ensure!(T::Supernodes::is_supernode(&supernode), Error::<T>::NotSupernode);
		ensure!(era <= Self::era_state().current, Error::<T>::FutureEra);
		ensure!(Self::accepts_rejections(era), Error::<T>::EraClosed);
		let mut proof = Proofs::<T>::get(era, &miner).ok_or(Error::<T>::NoSuchProof)?;
		ensure!(!proof.rejected, Error::<T>::AlreadyRejected);
		let key = (era, miner.clone(), supernode.clone());
		ensure!(!Rejections::<T>::contains_key(&key), Error::<T>::AlreadyChallenged);

		Rejections::<T>::insert(&key, reason);
		proof.rejections = proof.rejections.saturating_add(1);
		let quorum = Self::rejection_quorum();
		Self::deposit_event(Event::ProofChallenged {
			supernode,
			miner: miner.clone(),
			era,
			reason,
			rejections: proof.rejections,
			quorum,
		});
		if proof.rejections < quorum {
			Proofs::<T>::insert(era, &miner, proof);
			return Ok(Pays::Yes.into());
		}

		proof.rejected = true;
		let power = proof.power;
		Proofs::<T>::insert(era, &miner, proof);
		EraTotalPower::<T>::mutate(era, |total| *total = total.saturating_sub(power));
		Self::punish(&miner, era, power);
		Ok(Pays::No.into())
	}

	/// Ejects `miner`, whose proof of `era` with `power` was rejected, and slashes its bond:
	/// the rejecting supernodes' share to them, the rest to the treasury. A miner that has
	/// already withdrawn its bond has nothing left to lose.
	fn punish(miner: &T::AccountId, era: EraIndex, power: Power) {
		let Some(mut record) = Miners::<T>::get(miner) else {
			Self::deposit_event(Event::ProofRejected {
				miner: miner.clone(),
				era,
				power,
				slashed: Zero::zero(),
				rejectors_paid: Zero::zero(),
			});
			return;
		};
		let penalty = T::FraudSlash::get() * record.bond;
		let rejectors: Vec<T::AccountId> =
			Rejections::<T>::iter_key_prefix((era, miner.clone())).collect();
		let each = (T::RejectorsShare::get() * penalty) / BalanceOf::<T>::from(rejectors.len().max(1) as u32);
		let mut rejectors_paid = BalanceOf::<T>::zero();
		for rejector in &rejectors {
			rejectors_paid.saturating_accrue(Self::take_from_bond(miner, rejector, each));
		}
		let to_treasury = Self::take_from_bond(
			miner,
			&T::Treasury::treasury_account(),
			penalty.saturating_sub(rejectors_paid),
		);
		let slashed = rejectors_paid.saturating_add(to_treasury);
		record.bond = record.bond.saturating_sub(slashed);

		let current = Self::era_state().current;
		let earliest = current.saturating_add(T::UnbondingEras::get());
		let (in_era, withdrawable_from) = match record.status {
			MinerStatus::Ejected { in_era, withdrawable_from } => (in_era, withdrawable_from.max(earliest)),
			MinerStatus::Unbonding { withdrawable_from, .. } => (current, withdrawable_from.max(earliest)),
			MinerStatus::Active => (current, earliest),
		};
		record.status = MinerStatus::Ejected { in_era, withdrawable_from };
		Miners::<T>::insert(miner, record);
		Self::deposit_event(Event::ProofRejected {
			miner: miner.clone(),
			era,
			power,
			slashed,
			rejectors_paid,
		});
		Self::deposit_event(Event::MinerEjected { miner: miner.clone(), withdrawable_from });
	}
}
