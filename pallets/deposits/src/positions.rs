//! Depositors' positions: deposit, claim and withdraw.

use crate::{pallet::*, Cohort, MaturingCohort, PlanId, Position, PositionId};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Precision, Preservation},
		Get,
	},
};
use poseidon_primitives::era::{EraClock, EraIndex};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_deposit(who: T::AccountId, plan_id: PlanId, amount: QasOf<T>) -> DispatchResult {
		let plan = Plans::<T>::get(plan_id).ok_or(Error::<T>::UnknownPlan)?;
		ensure!(plan.open, Error::<T>::PlanClosed);
		ensure!(amount >= plan.min_amount, Error::<T>::BelowPlanMinimum);
		let mut positions = Positions::<T>::get(&who);
		ensure!(
			(positions.len() as u32) < T::MaxPositions::get(),
			Error::<T>::TooManyPositions
		);
		T::Qas::hold(&HoldReason::Deposit.into(), &who, amount)
			.map_err(|_| Error::<T>::InsufficientQas)?;

		let start_era = Self::deposit_era();
		let maturity_era = start_era.saturating_add(plan.lock_eras);
		let amount_units: u128 = amount.unique_saturated_into();
		let weight = amount_units.saturating_mul(u128::from(plan.reward_multiplier));
		let id = NextPositionId::<T>::mutate(|next| {
			let id = *next;
			*next = next.saturating_add(1);
			id
		});
		let position = Position {
			id,
			plan: plan_id,
			amount,
			weight,
			start_era,
			maturity_era,
			reward_per_weight_paid: None,
		};
		let extra_weight = Self::extra_weight(&position);
		positions.try_push(position).map_err(|_| Error::<T>::TooManyPositions)?;
		Positions::<T>::insert(&who, positions);
		Cohorts::<T>::mutate(start_era, |cohort| {
			let cohort = cohort.get_or_insert_with(Cohort::default);
			cohort.waiting_weight.saturating_accrue(weight);
			cohort.unsettled_positions.saturating_accrue(1);
		});
		if extra_weight > 0 {
			Maturing::<T>::mutate(maturity_era, |cohort| {
				let cohort = cohort.get_or_insert_with(MaturingCohort::default);
				cohort.extra_weight.saturating_accrue(extra_weight);
				cohort.unsettled_positions.saturating_accrue(1);
			});
		}
		TotalDeposited::<T>::mutate(|total| total.saturating_accrue(amount));
		Self::deposit_event(Event::Deposited {
			who,
			position: id,
			plan: plan_id,
			amount,
			weight,
			start_era,
			maturity_era,
		});
		Ok(())
	}

	pub(crate) fn do_claim(who: T::AccountId) -> DispatchResult {
		let mut positions = Positions::<T>::get(&who);
		let mut total = QqqOf::<T>::zero();
		for position in positions.iter_mut() {
			total.saturating_accrue(Self::settle_position(position));
		}
		ensure!(!total.is_zero(), Error::<T>::NothingToClaim);
		// The pool account keeps its existential deposit; everything above it is owed.
		T::Qqq::transfer(&Self::pool_account(), &who, total, Preservation::Preserve)?;
		Ledger::<T>::mutate(|ledger| ledger.record_paid(total));
		Positions::<T>::insert(&who, positions);
		Self::deposit_event(Event::RewardsClaimed { who, amount: total });
		Ok(())
	}

	pub(crate) fn do_withdraw(who: T::AccountId, id: PositionId) -> DispatchResult {
		let mut positions = Positions::<T>::get(&who);
		let index =
			positions.iter().position(|p| p.id == id).ok_or(Error::<T>::UnknownPosition)?;
		let mut position = positions.remove(index);
		ensure!(Self::is_mature(&position), Error::<T>::NotMatured);

		// Mature means the pool of its last era was shared, so its cohort has joined and
		// its weight is in the total: at ×1.0 if its maturing cohort has left (settling
		// has then dropped its weight), in full otherwise, and then its extra weight must
		// not leave a second time.
		let rewards = Self::settle_position(&mut position);
		TotalWeight::<T>::mutate(|total| total.saturating_reduce(position.weight));
		let extra_weight = Self::extra_weight(&position);
		if extra_weight > 0 {
			Self::leave_maturing_cohort(position.maturity_era, extra_weight);
		}

		T::Qas::release(&HoldReason::Deposit.into(), &who, position.amount, Precision::Exact)?;
		TotalDeposited::<T>::mutate(|total| total.saturating_reduce(position.amount));
		if positions.is_empty() {
			Positions::<T>::remove(&who);
		} else {
			Positions::<T>::insert(&who, positions);
		}

		let mut paid = rewards;
		if !rewards.is_zero() {
			if T::Qqq::transfer(&Self::pool_account(), &who, rewards, Preservation::Preserve).is_ok() {
				Ledger::<T>::mutate(|ledger| ledger.record_paid(rewards));
			} else {
				// Only a reward below QQQ's existential deposit, owed to an account without
				// QQQ, cannot be paid. The QAS must still come back: the reward goes to the
				// next pool.
				paid = Zero::zero();
				Ledger::<T>::mutate(|ledger| ledger.carry(rewards));
				Self::deposit_event(Event::RewardForfeited { who: who.clone(), position: id, amount: rewards });
			}
		}
		Self::deposit_event(Event::Withdrawn { who, position: id, amount: position.amount, rewards: paid });
		Ok(())
	}

	/// The first era a deposit made now earns in: the next era, unless (against the
	/// clock's promise) its pool has been shared already, then the next one to share.
	fn deposit_era() -> EraIndex {
		let next = T::Clock::current_era().saturating_add(1);
		match LastSharedEra::<T>::get() {
			Some(shared) if shared >= next => shared.saturating_add(1),
			_ => next,
		}
	}

	/// Whether `position` may be withdrawn: its maturity era has come and the last era of
	/// its term has been settled (so it received every pool of its term).
	pub(crate) fn is_mature(position: &Position<QasOf<T>>) -> bool {
		let last_of_term = position.maturity_era.saturating_sub(1);
		T::Clock::current_era() >= position.maturity_era &&
			LastSharedEra::<T>::get().is_some_and(|shared| shared >= last_of_term)
	}

	/// Works out what `position` earned, marks it paid up to now and, the first time
	/// after its cohort joined, takes it off the cohort's list. Returns what it earned.
	fn settle_position(position: &mut Position<QasOf<T>>) -> QqqOf<T> {
		let earned = Self::earned(position);
		if position.reward_per_weight_paid.is_none() {
			let joined =
				Cohorts::<T>::get(position.start_era).is_some_and(|c| c.joined_at.is_some());
			if !joined {
				// Still waiting for its first pool: nothing earned, nothing to record.
				return earned;
			}
			Self::leave_cohort(position.start_era);
		}
		if Self::matured_at(position).is_some() {
			let extra_weight = Self::extra_weight(position);
			position.weight = Self::weight_at_maturity(position);
			Self::leave_maturing_cohort(position.maturity_era, extra_weight);
		}
		position.reward_per_weight_paid = Some(RewardPerWeight::<T>::get().reward_per_stake);
		earned
	}

	/// A position of the maturing cohort `era`, with `extra_weight` above ×1.0, has read
	/// the cohort's value or is withdrawn before the cohort left; the cohort is removed
	/// with the last of them.
	fn leave_maturing_cohort(era: EraIndex, extra_weight: u128) {
		Maturing::<T>::mutate_exists(era, |maybe_cohort| {
			if let Some(cohort) = maybe_cohort {
				cohort.extra_weight.saturating_reduce(extra_weight);
				cohort.unsettled_positions.saturating_reduce(1);
				if cohort.unsettled_positions == 0 {
					*maybe_cohort = None;
				}
			}
		});
	}

	/// One position of the joined cohort `era` has read the cohort's value; the cohort is
	/// removed with the last of them.
	fn leave_cohort(era: EraIndex) {
		Cohorts::<T>::mutate_exists(era, |maybe_cohort| {
			if let Some(cohort) = maybe_cohort {
				cohort.unsettled_positions.saturating_reduce(1);
				if cohort.unsettled_positions == 0 {
					*maybe_cohort = None;
				}
			}
		});
	}
}
