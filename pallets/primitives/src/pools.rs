//! Reward pools handed out by settlement.
//!
//! At settlement the revenue pallet transfers an era's depositor pool and supernode pool
//! to the account of the pallet that shares it out (deposits, supernodes) and tells that
//! pallet how much arrived, so it can account for it in O(1).

use crate::era::EraIndex;
use sp_runtime::Weight;

/// The receiver of one pool.
pub trait RewardPool<AccountId, Balance> {
	/// The account settlement pays the pool into.
	fn pool_account() -> AccountId;

	/// `era` was settled and `amount` of its pool has just been paid into
	/// [`Self::pool_account`].
	///
	/// Called exactly once for every settled era, in era order, also when `amount` is
	/// zero (an era without revenue, or a pool that could not be paid): a receiver may
	/// use it as the tick of its own per-era bookkeeping.
	fn on_pool_received(era: EraIndex, amount: Balance);

	/// The most weight [`Self::on_pool_received`] can take; settlement charges it.
	fn on_pool_received_weight() -> Weight {
		Weight::zero()
	}
}
