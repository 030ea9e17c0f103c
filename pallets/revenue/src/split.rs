//! The revenue split: guard rails, scheduling a change, and fixing each era's split when
//! the era starts.

use crate::{pallet::*, RevenueSplit};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use poseidon_primitives::era::{EraClock, EraIndex};

impl<T: Config> Pallet<T> {
	/// The guard rails that do not depend on the split in force: shares sum to at most
	/// 100 % and the miners' share stays within its bounds.
	pub(crate) fn check_bounds(split: &RevenueSplit) -> Result<(), Error<T>> {
		ensure!(split.shares_sum() <= 100, Error::<T>::SharesExceedWhole);
		ensure!(
			split.miners >= T::MinMinerShare::get() && split.miners <= T::MaxMinerShare::get(),
			Error::<T>::MinerShareOutOfBounds
		);
		Ok(())
	}

	/// Schedules `split` for the next era, after checking every guard rail. The step is
	/// measured from the split in force now: replacing a pending split cannot be used to
	/// take two steps in one era.
	pub(crate) fn do_set_split(split: RevenueSplit) -> DispatchResult {
		Self::check_bounds(&split)?;
		let current = CurrentSplit::<T>::get();
		let step = current.miners.deconstruct().abs_diff(split.miners.deconstruct());
		ensure!(step <= T::MaxSplitStep::get().deconstruct(), Error::<T>::SplitStepTooLarge);
		ensure!(
			split != current || NextSplit::<T>::get().is_some(),
			Error::<T>::SplitUnchanged
		);
		NextSplit::<T>::put(split);
		let from_era = T::Clock::current_era().saturating_add(1);
		Self::deposit_event(Event::SplitScheduled { split, from_era });
		Ok(())
	}

	/// Handles the start of `era`: a pending split comes into force, and the era's split
	/// is recorded for its settlement.
	pub(crate) fn start_era(era: EraIndex) {
		LastStartedEra::<T>::put(era);
		if let Some(split) = NextSplit::<T>::take() {
			CurrentSplit::<T>::put(split);
			Self::deposit_event(Event::SplitApplied { era, split });
		}
		EraSplit::<T>::insert(era, CurrentSplit::<T>::get());
	}
}
