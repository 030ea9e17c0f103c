//! The treasury: the company's account.
//!
//! It receives 80 % of every transaction fee and tip, and later the treasury share of
//! each era's revenue, fraud slashes and unclaimed rewards. Exactly one pallet owns the
//! account (it is set in genesis and changed only by governance); everything else asks
//! for it through this trait.

/// Where the treasury's money goes.
pub trait TreasuryAccount<AccountId> {
	/// The account that currently receives the treasury's share.
	fn treasury_account() -> AccountId;
}
