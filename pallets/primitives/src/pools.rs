//! Reward pools handed out by settlement.
//!
//! At settlement the revenue pallet transfers an era's depositor pool and supernode pool
//! to the account of the pallet that shares it out (deposits, supernodes) and tells that
//! pallet how much arrived, so it can account for it in O(1). Each such pallet keeps a
//! [`PoolLedger`] of what came in and went out, and shares each pool with a
//! [`crate::reward_accumulator::RewardAccumulator`].

use crate::era::EraIndex;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::{fungible::Mutate, tokens::Preservation};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, Saturating, Zero},
	Weight,
};

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

/// The books of a pallet that receives a pool and pays it out as rewards: what came in,
/// what went out, and what waits to be shared. The pool account must always hold what
/// the books say is still owed; both pools' try_state check it with
/// [`PoolLedger::ensure_covers`].
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq,
	Debug, Default,
)]
pub struct PoolLedger<Balance> {
	/// All that was ever received from settlement.
	pub received: Balance,
	/// All that was ever paid out as rewards.
	pub paid: Balance,
	/// All that was ever sent to the treasury (pools nobody could share, forfeited parts).
	pub to_treasury: Balance,
	/// Received but nobody's yet (division dust, a forfeited reward, a pool the treasury
	/// could not take): added to the next pool.
	pub carried: Balance,
}

impl<Balance: AtLeast32BitUnsigned + Copy> PoolLedger<Balance> {
	/// Records `amount` received for an era and returns the pool to share: `amount` with
	/// what was carried, which is taken.
	pub fn receive(&mut self, amount: Balance) -> Balance {
		self.received.saturating_accrue(amount);
		core::mem::replace(&mut self.carried, Zero::zero()).saturating_add(amount)
	}

	/// Keeps `amount` for the next pool.
	pub fn carry(&mut self, amount: Balance) {
		self.carried.saturating_accrue(amount);
	}

	/// Records `amount` paid out as rewards.
	pub fn record_paid(&mut self, amount: Balance) {
		self.paid.saturating_accrue(amount);
	}

	/// What the pool account must still hold: received, less paid and sent away.
	pub fn owed(&self) -> Balance {
		self.received.saturating_sub(self.paid).saturating_sub(self.to_treasury)
	}

	/// Sends `amount` from `pool_account` to `treasury`, keeping the pool account's
	/// existential deposit, and records it; if the transfer fails the amount is carried
	/// to the next pool instead. Returns whether it was sent.
	pub fn send_to_treasury<AccountId, Currency>(
		&mut self,
		pool_account: &AccountId,
		treasury: &AccountId,
		amount: Balance,
	) -> bool
	where
		AccountId: Eq,
		Currency: Mutate<AccountId, Balance = Balance>,
	{
		let sent = Currency::transfer(pool_account, treasury, amount, Preservation::Preserve).is_ok();
		if sent {
			self.to_treasury.saturating_accrue(amount);
		} else {
			self.carry(amount);
		}
		sent
	}

	/// Checks the books against the pool: what is owed to stakers (`committed`, claimable
	/// or still being shared) and what is carried fit in what was received and not paid
	/// out, and the pool account's spendable balance `held` covers all of that.
	pub fn ensure_covers(&self, committed: Balance, held: Balance) -> Result<(), &'static str> {
		if committed.saturating_add(self.carried) > self.owed() {
			return Err("stakers are owed more than the pools brought in");
		}
		if held < self.owed() {
			return Err("the pool account holds less than is owed");
		}
		Ok(())
	}
}

/// Mints into `account` what it lacks of the existential deposit, so that a pool account
/// exists from genesis and no dust left in it is ever reaped.
pub fn endow_with_existential_deposit<AccountId: Eq, Currency: Mutate<AccountId>>(account: &AccountId) {
	let missing = Currency::minimum_balance().saturating_sub(Currency::balance(account));
	if !missing.is_zero() {
		Currency::mint_into(account, missing).expect("minting the existential deposit into a new account works");
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_received_pool_takes_what_was_carried_along() {
		let mut ledger = PoolLedger::<u64>::default();
		assert_eq!(ledger.receive(100), 100);
		ledger.carry(3);
		assert_eq!(ledger.receive(50), 53);
		assert_eq!((ledger.received, ledger.carried), (150, 0));
		ledger.record_paid(40);
		assert_eq!(ledger.owed(), 110);
	}

	#[test]
	fn the_books_must_be_covered_by_the_pool() {
		let mut ledger = PoolLedger::<u64> { received: 100, paid: 30, to_treasury: 20, carried: 5 };
		assert_eq!(ledger.owed(), 50);
		assert_eq!(ledger.ensure_covers(45, 50), Ok(()));
		assert!(ledger.ensure_covers(46, 50).is_err(), "committed and carried exceed what is owed");
		assert!(ledger.ensure_covers(10, 49).is_err(), "the pool holds less than is owed");
		ledger.carried = 0;
		assert_eq!(ledger.ensure_covers(50, 60), Ok(()));
	}
}
