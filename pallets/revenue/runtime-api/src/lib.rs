//! Runtime API of the revenue pallet.
//!
//! `claim_miner_rewards(miner, eras)` needs the eras to claim; a miner's wallet asks the
//! runtime which settled eras still hold a reward for it (polkadot.js apps: *Developer →
//! Runtime calls → revenueApi*).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use poseidon_primitives::era::EraIndex;

sp_api::decl_runtime_apis! {
	/// What a miner's wallet shows of its rewards.
	pub trait RevenueApi<AccountId, Balance>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// The settled eras, still within the history depth, in which `miner` has a reward
		/// it has not claimed, with what `claim_miner_rewards` would pay for each.
		fn claimable_rewards(miner: AccountId) -> Vec<(EraIndex, Balance)>;
	}
}
