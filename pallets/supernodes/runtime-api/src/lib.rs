//! Runtime API of the supernodes pallet.
//!
//! What a vote has earned is worked out from the supernodes' reward accumulators only
//! when the voter claims, so no storage item holds it; wallets ask the runtime instead
//! (polkadot.js apps: *Developer → Runtime calls → supernodesApi*).

#![cfg_attr(not(feature = "std"), no_std)]

sp_api::decl_runtime_apis! {
	/// What a wallet shows of an account's supernode rewards.
	pub trait SupernodesApi<AccountId, Balance>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// QQQ the account is owed as a supernode (commission) and as a voter, not yet
		/// paid: what `supernodes.claimRewards()` would pay now.
		fn pending_rewards(who: AccountId) -> Balance;
	}
}
