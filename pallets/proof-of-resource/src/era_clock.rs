//! The era clock: this pallet is its one owner.
//!
//! An era lasts [`EraState::length`] blocks. A new length decided by governance waits in
//! [`NextEraLength`] until the next era starts, so the era in progress never changes
//! under the miners' feet. The clock only moves forward, one era per block at most, and
//! costs one read per block.

use crate::{pallet::*, EraState};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use poseidon_primitives::era::{grace_blocks, EraClock, EraIndex};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// Starts a new era at `now` if the current one is over; returns whether it did.
	pub(crate) fn advance_clock(now: BlockNumberFor<T>) -> bool {
		let state = Self::era_state();
		if now < state.start.saturating_add(state.length) {
			return false;
		}
		let length = NextEraLength::<T>::take().unwrap_or(state.length);
		let next = EraState {
			current: state.current.saturating_add(1),
			start: now,
			length,
			previous_length: state.length,
		};
		Era::<T>::put(next);
		Self::deposit_event(Event::EraStarted { era: next.current, start: now, length });
		true
	}

	/// Whether proofs for `era` are accepted now (see [`EraClock::is_era_open`]).
	pub fn era_is_open(era: EraIndex) -> bool {
		let state = Self::era_state();
		if era == state.current {
			return true;
		}
		if era.saturating_add(1) != state.current {
			return false;
		}
		let grace: BlockNumberFor<T> = grace_blocks(state.length.unique_saturated_into()).into();
		frame_system::Pallet::<T>::block_number() < state.start.saturating_add(grace)
	}

	/// How long `era` (the current or the previous one) lasts, in milliseconds: the time
	/// during which a miner's declared capacity was available.
	pub(crate) fn era_duration_ms(state: &EraState<BlockNumberFor<T>>, era: EraIndex) -> u64 {
		let blocks = if era == state.current { state.length } else { state.previous_length };
		let blocks: u64 = blocks.unique_saturated_into();
		blocks.saturating_mul(T::MillisecsPerBlock::get())
	}
}

impl<T: Config> EraClock for Pallet<T> {
	fn current_era() -> EraIndex {
		Self::era_state().current
	}

	fn is_era_open(era: EraIndex) -> bool {
		Self::era_is_open(era)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_era_for_benchmark(era: EraIndex) {
		let mut state = Self::era_state();
		let grace: BlockNumberFor<T> = grace_blocks(state.length.unique_saturated_into()).into();
		let mut now = frame_system::Pallet::<T>::block_number();
		if now <= grace {
			now = grace.saturating_add(1u32.into());
			frame_system::Pallet::<T>::set_block_number(now);
		}
		state.current = era;
		state.start = now.saturating_sub(grace);
		Era::<T>::put(state);
	}
}
