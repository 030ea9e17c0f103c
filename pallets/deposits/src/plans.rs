//! Deposit plans: created and closed by governance, kept for as long as the chain lives
//! so that every position can name the terms it was made under.

use crate::{pallet::*, Plan, PlanId};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use poseidon_primitives::era::EraIndex;
use sp_runtime::DispatchError;

impl<T: Config> Pallet<T> {
	/// Validates and stores a new open plan; returns its number.
	pub(crate) fn add_plan(
		lock_eras: EraIndex,
		reward_multiplier: u16,
		min_amount: QasOf<T>,
	) -> Result<PlanId, DispatchError> {
		ensure!(
			lock_eras > 0 && lock_eras <= T::MaxLockEras::get(),
			Error::<T>::LockTermOutOfBounds
		);
		ensure!(
			(100..=T::MaxRewardMultiplier::get()).contains(&reward_multiplier),
			Error::<T>::MultiplierOutOfBounds
		);
		ensure!(min_amount >= T::MinDepositFloor::get(), Error::<T>::MinAmountTooLow);
		let plan = PlanCount::<T>::get();
		ensure!(plan < T::MaxPlans::get(), Error::<T>::TooManyPlans);
		Plans::<T>::insert(plan, Plan { lock_eras, reward_multiplier, min_amount, open: true });
		PlanCount::<T>::put(plan.saturating_add(1));
		Self::deposit_event(Event::PlanCreated { plan, lock_eras, reward_multiplier, min_amount });
		Ok(plan)
	}

	/// Closes `plan` to new deposits.
	pub(crate) fn do_close_plan(plan: PlanId) -> DispatchResult {
		Plans::<T>::try_mutate(plan, |maybe_plan| {
			let terms = maybe_plan.as_mut().ok_or(Error::<T>::UnknownPlan)?;
			ensure!(terms.open, Error::<T>::PlanAlreadyClosed);
			terms.open = false;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::PlanClosed { plan });
		Ok(())
	}
}
