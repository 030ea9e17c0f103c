//! Eras: the chain's accounting period.
//!
//! Miners prove one era of work at a time, customers' payments are counted per era and
//! each era's revenue is settled once. Exactly one pallet owns the era clock (the
//! proof-of-resource pallet); everything else reads it through [`EraClock`].
//!
//! An era's *window* is the time during which proofs for it are accepted and supernodes
//! may reject them: the era itself plus a grace period at the start of the next era
//! ([`grace_blocks`]). Once the window has closed the era's proven power is final and
//! the era can be settled.

use crate::BlockNumber;

/// Number of an era, counted from 0 at genesis.
pub type EraIndex = u32;

/// The grace period after an era ends during which its proofs are still accepted: the
/// first quarter of the next era, at least one block.
pub fn grace_blocks(era_length: BlockNumber) -> BlockNumber {
	(era_length / 4).max(1)
}

/// Read access to the era clock.
pub trait EraClock {
	/// The era in progress.
	fn current_era() -> EraIndex;

	/// Whether proofs for `era` are still accepted and may still be rejected: `era` is the
	/// current era, or the previous one within its grace period. A closed era's power is
	/// final and the era may be settled.
	fn is_era_open(era: EraIndex) -> bool;

	/// Puts the clock into `era`, with the previous era's window already closed.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_era_for_benchmark(era: EraIndex);
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn grace_is_a_quarter_of_the_era_and_never_zero() {
		assert_eq!(grace_blocks(14_400), 3_600);
		assert_eq!(grace_blocks(10), 2);
		assert_eq!(grace_blocks(3), 1);
		assert_eq!(grace_blocks(0), 1);
	}
}
