//! The offence an Aura equivocation is: one per offender and slot.

use codec::{Decode, Encode};
use sp_consensus_slots::Slot;
use sp_runtime::Perbill;
use sp_staking::{
	offence::{Kind, Offence},
	SessionIndex,
};

/// A validator signed two blocks for `slot`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub struct AuraEquivocationOffence<Offender> {
	/// The slot of the two blocks (also the offence's time slot: one report per slot).
	pub slot: Slot,
	/// The session the slot is in.
	pub session_index: SessionIndex,
	/// How many validators that session had.
	pub validator_set_count: u32,
	/// Who signed both blocks.
	pub offender: Offender,
}

impl<Offender: Clone> Offence<Offender> for AuraEquivocationOffence<Offender> {
	const ID: Kind = *b"aura:equivocatio";
	type Slot = Slot;

	fn offenders(&self) -> alloc::vec::Vec<Offender> {
		alloc::vec![self.offender.clone()]
	}

	fn session_index(&self) -> SessionIndex {
		self.session_index
	}

	fn validator_set_count(&self) -> u32 {
		self.validator_set_count
	}

	fn slot(&self) -> Self::Slot {
		self.slot
	}

	/// `min((3k / n)², 1)` for `k` offenders among `n` validators, as for GRANDPA and
	/// BABE: a lone equivocation costs little on a large set, a coordinated one all.
	fn slash_fraction(&self, offenders_count: u32) -> Perbill {
		Perbill::from_rational(offenders_count.saturating_mul(3), self.validator_set_count.max(1)).square()
	}
}
