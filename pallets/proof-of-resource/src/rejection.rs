//! Optimistic verification: proofs count unless a quorum of supernodes rejects them while
//! the era's window is open.

use crate::{pallet::*, RejectionReason};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use poseidon_primitives::{era::EraIndex, supernodes::SupernodeSet};

impl<T: Config> Pallet<T> {
	/// Records `supernode`'s rejection of `miner`'s proof of `era`; at the quorum, removes
	/// the proof's power and slashes the miner.
	pub(crate) fn do_reject_proof(
		supernode: T::AccountId,
		miner: T::AccountId,
		era: EraIndex,
		reason: RejectionReason,
	) -> DispatchResult {
		ensure!(T::Supernodes::is_supernode(&supernode), Error::<T>::NotSupernode);
		ensure!(Self::era_is_open(era), Error::<T>::EraClosed);
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

		if proof.rejections >= quorum {
			proof.rejected = true;
			EraTotalPower::<T>::mutate(era, |total| *total = total.saturating_sub(proof.power));
			let slashed = Self::slash_bond(&miner);
			Self::deposit_event(Event::ProofRejected { miner: miner.clone(), era, power: proof.power, slashed });
		}
		Proofs::<T>::insert(era, &miner, proof);
		Ok(())
	}
}
