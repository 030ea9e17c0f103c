//! Who may reject proofs, and how many of them it takes.
//!
//! The supernode set belongs to the supernode election. Until that pallet exists, the
//! runtime uses [`GenesisSupernodes`]: a fixed set written in genesis. The pallet itself
//! only ever asks [`Config::Supernodes`](crate::Config::Supernodes), so the election can
//! take over without touching this pallet.

use crate::pallet::{Config, StandInSupernodes};
use core::marker::PhantomData;
use poseidon_primitives::supernodes::SupernodeSet;
use sp_runtime::traits::Convert;

/// The genesis-configured supernode set (stand-in until the election exists).
pub struct GenesisSupernodes<T>(PhantomData<T>);

impl<T: Config> SupernodeSet<T::AccountId> for GenesisSupernodes<T> {
	fn is_supernode(who: &T::AccountId) -> bool {
		StandInSupernodes::<T>::get().contains(who)
	}

	fn supernode_count() -> u32 {
		StandInSupernodes::<T>::decode_len().unwrap_or(0) as u32
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_supernodes_for_benchmark(supernodes: alloc::vec::Vec<T::AccountId>) {
		let bounded = frame_support::BoundedVec::truncate_from(supernodes);
		StandInSupernodes::<T>::put(bounded);
	}
}

/// The default rejection quorum: a third of the supernodes, rounded up, at least one.
/// A third is enough to catch fraud while no single supernode can wipe out a miner.
pub struct OneThirdRoundedUp;

impl Convert<u32, u32> for OneThirdRoundedUp {
	fn convert(supernodes: u32) -> u32 {
		supernodes.div_ceil(3).max(1)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_third_rounded_up_and_never_zero() {
		assert_eq!(OneThirdRoundedUp::convert(0), 1);
		assert_eq!(OneThirdRoundedUp::convert(1), 1);
		assert_eq!(OneThirdRoundedUp::convert(3), 1);
		assert_eq!(OneThirdRoundedUp::convert(4), 2);
		assert_eq!(OneThirdRoundedUp::convert(21), 7);
		assert_eq!(OneThirdRoundedUp::convert(22), 8);
	}
}
