//! Who may reject proofs, and how many of them it takes.
//!
//! The supernode set belongs to the supernode election (the supernodes pallet); this
//! pallet only ever asks [`Config::Supernodes`](crate::Config::Supernodes) and decides the
//! quorum with [`Config::RejectionQuorum`](crate::Config::RejectionQuorum).

use sp_runtime::traits::Convert;

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
