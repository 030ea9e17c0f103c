//! The era clock: this pallet is its one owner.
//!
//! An era lasts [`EraState::length`] blocks. A new length decided by governance waits in
//! [`NextEraLength`] until the next era starts, so the era in progress never changes
//! under the miners' feet. The clock only moves forward, one era per block at most, and
//! costs one read per block.
//!
//! The windows that follow an era (proofs, then challenges: see
//! [`poseidon_primitives::era`]) are sized by that era's own length, and the clock does not
//! start an era before the previous era's windows have closed. A governance decision to
//! shorten the era therefore never shortens the time supernodes have to reject the
//! proofs of the era before it: the shorter era is stretched until they have closed.

use crate::{pallet::*, EraState};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use poseidon_primitives::era::{finality_delay, grace_blocks, EraClock, EraIndex};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// Schedules `length` for the eras from the next one on.
	pub(crate) fn do_set_era_length(length: BlockNumberFor<T>) -> sp_runtime::DispatchResult {
		frame_support::ensure!(
			length >= T::MinEraLength::get() && length <= T::MaxEraLength::get(),
			Error::<T>::EraLengthOutOfBounds
		);
		NextEraLength::<T>::put(length);
		Self::deposit_event(Event::EraLengthScheduled { length });
		Ok(())
	}

	/// Starts a new era at `now` if the current one is over; returns whether it did.
	pub(crate) fn advance_clock(now: BlockNumberFor<T>) -> bool {
		let state = Self::era_state();
		if now < state.start.saturating_add(state.length) {
			return false;
		}
		// The previous era's challenge window runs in this era's blocks: keep this era
		// going until it has closed.
		if now < Self::windows_close(&state, finality_delay) {
			return false;
		}
		let length = NextEraLength::<T>::take().unwrap_or(state.length);
		let next = EraState {
			current: state.current.saturating_add(1),
			start: now,
			length,
			// What the era really lasted (longer than planned only if it was stretched).
			previous_length: now.saturating_sub(state.start),
		};
		Era::<T>::put(next);
		Self::deposit_event(Event::EraStarted { era: next.current, start: now, length });
		true
	}

	/// The first block after the previous era's window whose length `window` gives.
	fn windows_close(
		state: &EraState<BlockNumberFor<T>>,
		window: fn(poseidon_primitives::BlockNumber) -> poseidon_primitives::BlockNumber,
	) -> BlockNumberFor<T> {
		let blocks: BlockNumberFor<T> = window(state.previous_length.unique_saturated_into()).into();
		state.start.saturating_add(blocks)
	}

	/// Whether `era` is the current era, or the previous one before `window` has passed.
	fn within(
		era: EraIndex,
		window: fn(poseidon_primitives::BlockNumber) -> poseidon_primitives::BlockNumber,
	) -> bool {
		let state = Self::era_state();
		if era == state.current {
			return true;
		}
		era.saturating_add(1) == state.current &&
			frame_system::Pallet::<T>::block_number() < Self::windows_close(&state, window)
	}

	/// Whether proofs for `era` are accepted now: the current era, or the previous one
	/// during its grace period.
	pub fn accepts_proofs(era: EraIndex) -> bool {
		Self::within(era, grace_blocks)
	}

	/// Whether supernodes may reject proofs of `era` now: the current era, or the previous
	/// one until its challenge window (after the grace period) has closed.
	pub fn accepts_rejections(era: EraIndex) -> bool {
		Self::within(era, finality_delay)
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

	fn is_era_final(era: EraIndex) -> bool {
		era < Self::era_state().current && !Self::accepts_rejections(era)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_era_for_benchmark(era: EraIndex) {
		let mut state = Self::era_state();
		let delay: BlockNumberFor<T> = finality_delay(state.length.unique_saturated_into()).into();
		let mut now = frame_system::Pallet::<T>::block_number();
		if now <= delay {
			now = delay.saturating_add(1u32.into());
			frame_system::Pallet::<T>::set_block_number(now);
		}
		state.current = era;
		state.start = now.saturating_sub(delay);
		state.previous_length = state.length;
		Era::<T>::put(state);
	}
}
