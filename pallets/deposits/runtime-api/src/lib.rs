//! Runtime API of the deposits pallet.
//!
//! What a position has earned is worked out from the reward accumulator only when its
//! owner claims, so no storage item holds it; wallets ask the runtime instead
//! (polkadot.js apps: *Developer → Runtime calls → depositsApi*).

#![cfg_attr(not(feature = "std"), no_std)]

sp_api::decl_runtime_apis! {
	/// What a wallet shows of an account's QAS deposits.
	pub trait DepositsApi<AccountId, Balance>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// QQQ the account's positions have earned and not yet been paid: what
		/// `deposits.claim()` would pay now.
		fn pending_rewards(who: AccountId) -> Balance;
	}
}
