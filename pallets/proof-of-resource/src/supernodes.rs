//! Who may reject proofs, and how many of them it takes.
//!
//! The supernode set belongs to the supernode election (the supernodes pallet); this
//! pallet only ever asks [`Config::Supernodes`](crate::Config::Supernodes) and decides the
//! quorum with [`Config::RejectionQuorum`](crate::Config::RejectionQuorum).

use sp_runtime::traits::Convert;

/// The default rejection quorum: a majority of the supernodes, at least one.
///
/// SPEC §11 first suggested a third. A third lets a minority of supernodes wipe out every
/// rival miner's proof (and take part of its bond); with a majority, rejecting an honest
/// proof takes the same coalition that could already halt finality, and no minority
/// cartel can.
pub struct Majority;

impl Convert<u32, u32> for Majority {
	fn convert(supernodes: u32) -> u32 {
		(supernodes / 2).saturating_add(1)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_majority_and_never_zero() {
		assert_eq!(Majority::convert(0), 1);
		assert_eq!(Majority::convert(1), 1);
		assert_eq!(Majority::convert(2), 2);
		assert_eq!(Majority::convert(3), 2);
		assert_eq!(Majority::convert(4), 3);
		assert_eq!(Majority::convert(21), 11);
		assert_eq!(Majority::convert(u32::MAX), u32::MAX / 2 + 1);
	}
}
