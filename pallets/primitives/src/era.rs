//! Eras: the chain's accounting period.
//!
//! Miners prove one era of work at a time, customers' payments are counted per era and
//! each era's revenue is settled once. Exactly one pallet owns the era clock (the
//! proof-of-resource pallet); everything else reads it through [`EraClock`].
//!
//! Two windows follow an era, both measured in the blocks of the next era and both sized
//! by the era's own length:
//!
//! 1. the *proof window*: the era itself plus a grace period at the start of the next era
//!    ([`grace_blocks`]), during which proofs for it are accepted;
//! 2. the *challenge window* ([`challenge_blocks`]): the blocks after the grace period
//!    during which supernodes may still reject its proofs, but no new proof is accepted.
//!    A proof sent in the last block of the grace period can therefore still be rejected
//!    for a quarter of an era: no proof is unchallengeable.
//!
//! Once both windows have closed the era's proven power is *final* and the era can be
//! settled. The clock never starts an era before the previous era's windows have closed,
//! so shortening the era length cannot shorten them either.

use crate::BlockNumber;

/// Number of an era, counted from 0 at genesis.
pub type EraIndex = u32;

/// The grace period after an era ends during which its proofs are still accepted: the
/// first quarter of the next era, at least one block.
pub fn grace_blocks(era_length: BlockNumber) -> BlockNumber {
	(era_length / 4).max(1)
}

/// The challenge window after the grace period: supernodes may still reject an era's
/// proofs during it, and settlement waits for it. The second quarter of the next era, at
/// least one block.
pub fn challenge_blocks(era_length: BlockNumber) -> BlockNumber {
	(era_length / 4).max(1)
}

/// Blocks after an era's end until its power is final: grace period plus challenge window.
pub fn finality_delay(era_length: BlockNumber) -> BlockNumber {
	grace_blocks(era_length).saturating_add(challenge_blocks(era_length))
}

/// Read access to the era clock.
pub trait EraClock {
	/// The era in progress.
	fn current_era() -> EraIndex;

	/// Whether `era`'s power is final: it has ended and its proof and challenge windows
	/// have closed, so no proof can be added to it or rejected. Only then may it be
	/// settled.
	fn is_era_final(era: EraIndex) -> bool;

	/// Puts the clock into `era`, with the previous era's windows already closed.
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

	#[test]
	fn power_is_final_half_an_era_after_the_era_ends() {
		assert_eq!(challenge_blocks(14_400), 3_600);
		assert_eq!(finality_delay(14_400), 7_200);
		assert_eq!(finality_delay(10), 4);
		assert_eq!(finality_delay(0), 2);
	}
}
