//! The supernode set: the accounts currently elected by QAS holders.
//!
//! One pallet owns it (the supernode election; before it exists, a set configured in
//! genesis). Others ask through [`SupernodeSet`], e.g. the proof-of-resource pallet
//! before it lets an account reject a proof.

#[cfg(feature = "runtime-benchmarks")]
use alloc::vec::Vec;

/// Membership of the current supernode set.
pub trait SupernodeSet<AccountId> {
	/// Whether `who` is a supernode now.
	fn is_supernode(who: &AccountId) -> bool;

	/// How many supernodes there are now.
	fn supernode_count() -> u32;

	/// Makes exactly `supernodes` the current set.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_supernodes_for_benchmark(supernodes: Vec<AccountId>);
}
