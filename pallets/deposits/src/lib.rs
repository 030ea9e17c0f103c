//! # Deposits pallet
//!
//! QAS holders lock QAS in a **deposit plan** for a term and share the **depositors'
//! pool**: the part of every era's revenue that the split gives to depositors (10 % by
//! default), paid here in QQQ by the revenue pallet's settlement.
//!
//! - **Plans** ([`Plan`]) are created and closed by [`Config::PlanOrigin`] (a governance
//!   track). A plan fixes the lock term in eras, a reward multiplier (longer terms weigh
//!   more) and a minimum deposit. Closing a plan refuses new deposits and leaves its
//!   positions untouched.
//! - [`Pallet::deposit`] holds QAS ([`HoldReason::Deposit`]) and records a [`Position`]
//!   with `weight = amount × multiplier` and a maturity era. An account has at most
//!   [`Config::MaxPositions`] positions.
//! - [`Pallet::claim`] pays the QQQ its positions have earned; [`Pallet::withdraw`]
//!   releases a mature position's QAS and pays what it earned.
//!
//! ## Sharing a pool in O(1)
//!
//! Nothing here iterates over depositors. All positions share one reward accumulator,
//! [`RewardPerWeight`] (a [`RewardAccumulator`], explained in
//! [`poseidon_primitives::reward_accumulator`]), with their weight as their stake: a pool
//! of `amount` shared among the total weight `W` raises the reward per weight by
//! `amount / W`, and a position remembers the value up to which it has been paid, so what
//! it earned since is `weight × (now − remembered)`, worked out only when its owner
//! claims or withdraws. The per-era work and each claim are therefore independent of the
//! number of depositors (see [`accumulator`]). What came in and went out is kept in
//! [`Ledger`].
//!
//! A position deposited during era *E* shares the pools of *E + 1* and every later era:
//! a deposit in the last block of an era must not take that era's pool, which others
//! earned by being locked through it. Its weight waits in the [`Cohort`] of era *E + 1*
//! and joins the accumulator right before that era's pool is shared, so it takes nothing
//! from earlier eras, however late they settle.
//!
//! Rounding always goes down: positions are never owed more than the pools brought in.
//! What a division leaves over is carried into the next era's pool, so it is shared later
//! instead of being lost; with no deposits at all, a pool (with what was carried) goes to
//! the treasury.
//!
//! ## Maturity
//!
//! A position may be withdrawn from its maturity era (`start_era + lock_eras`) once the
//! last era of its term has been settled, so it always receives every pool of its term.
//! A position that is not withdrawn keeps earning, at ×1.0: the multiplier rewards the
//! lock, and a mature position can leave at any block. Its extra weight waits in the
//! [`MaturingCohort`] of its maturity era and leaves the accumulator right before that
//! era's pool is shared, in O(1) whatever the number of positions maturing.
//!
//! ## Voting with deposited QAS
//!
//! The deposit is a *hold*; votes (conviction voting, supernode elections) place *locks*.
//! In `pallet-balances` a lock (freeze) applies to the whole balance, held part included,
//! so deposited QAS can still back a vote, and QAS locked by a vote can still be
//! deposited. The tests in `tests/voting.rs` show both.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

pub mod accumulator;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod plans;
mod pool;
mod positions;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use poseidon_primitives::{
		era::{EraClock, EraIndex},
		pools::{endow_with_existential_deposit, PoolLedger},
		reward_accumulator::RewardAccumulator,
		treasury::TreasuryAccount,
	};
	use sp_runtime::traits::{AccountIdConversion, Saturating, Zero};

	/// Balance of QAS.
	pub type QasOf<T> =
		<<T as Config>::Qas as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// Balance of QQQ.
	pub type QqqOf<T> =
		<<T as Config>::Qqq as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// An account's positions.
	pub type PositionsOf<T> = BoundedVec<Position<QasOf<T>>, <T as Config>::MaxPositions>;

	/// The claim and the sharing of a pool do the same storage work whatever the number
	/// of positions on the chain: their benchmarks read and write the same items, with the
	/// same proof size, with 1 and with 10 000 positions. Their measured time still grows a
	/// little with the depth of the benchmark's state trie (sharing: 35 µs with one
	/// position, 75 µs with 1 112 and 93 µs with 10 000), so the weights charged are those
	/// measured with this many positions.
	pub const BENCHMARKED_POSITIONS: u32 = 10_000;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// QAS deposited in a plan until its position is withdrawn.
		Deposit,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// QAS: deposits are held in it.
		type Qas: Mutate<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// QQQ: the depositors' pool arrives and rewards are paid in it.
		type Qqq: Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The era clock (owned by the proof-of-resource pallet).
		type Clock: EraClock;

		/// Where a pool goes when nobody has deposited.
		type Treasury: TreasuryAccount<Self::AccountId>;

		/// Seed of the account the depositors' pool is paid into and rewards are paid
		/// from. It holds QQQ's existential deposit from genesis: rewards are paid out
		/// keeping it alive, so that everything above it is the depositors'.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Most positions one account may have.
		#[pallet::constant]
		type MaxPositions: Get<u32>;

		/// Most plans that may ever be created (plans are kept for their positions).
		#[pallet::constant]
		type MaxPlans: Get<u32>;

		/// Longest lock term a plan may have.
		#[pallet::constant]
		type MaxLockEras: Get<EraIndex>;

		/// Highest reward multiplier a plan may have, in percent.
		#[pallet::constant]
		type MaxRewardMultiplier: Get<u16>;

		/// Lowest `min_amount` a plan may have. It keeps positions meaningful and bounds
		/// how fast the accumulator can grow (see [`accumulator`]).
		#[pallet::constant]
		type MinDepositFloor: Get<QasOf<Self>>;

		/// Who may create and close plans (the `network_params` governance track).
		type PlanOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The plans, open and closed.
	#[pallet::storage]
	pub type Plans<T: Config> = StorageMap<_, Twox64Concat, PlanId, Plan<QasOf<T>>, OptionQuery>;

	/// Number of plans created so far, which is also the number of the next plan.
	#[pallet::storage]
	pub type PlanCount<T: Config> = StorageValue<_, PlanId, ValueQuery>;

	/// Each depositor's positions.
	#[pallet::storage]
	pub type Positions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PositionsOf<T>, ValueQuery>;

	/// Number of the next position.
	#[pallet::storage]
	pub type NextPositionId<T: Config> = StorageValue<_, PositionId, ValueQuery>;

	/// QAS held in all positions.
	#[pallet::storage]
	pub type TotalDeposited<T: Config> = StorageValue<_, QasOf<T>, ValueQuery>;

	/// Weight of all positions that share the pools (cohorts that have joined).
	#[pallet::storage]
	pub type TotalWeight<T: Config> = StorageValue<_, RewardWeight, ValueQuery>;

	/// The accumulator all positions share, their weight being their stake: the QQQ one
	/// unit of weight has earned since genesis, and what the divisions left over.
	#[pallet::storage]
	pub type RewardPerWeight<T: Config> = StorageValue<_, RewardAccumulator, ValueQuery>;

	/// Positions by the era they were deposited in, until each has read the value at
	/// which its cohort joined the accumulator.
	#[pallet::storage]
	pub type Cohorts<T: Config> = StorageMap<_, Twox64Concat, EraIndex, Cohort, OptionQuery>;

	/// Positions by their maturity era, while their extra weight (above ×1.0) is in the
	/// accumulator or until each has read the value at which it left.
	#[pallet::storage]
	pub type Maturing<T: Config> =
		StorageMap<_, Twox64Concat, EraIndex, MaturingCohort, OptionQuery>;

	/// The last era whose pool has been shared.
	#[pallet::storage]
	pub type LastSharedEra<T: Config> = StorageValue<_, EraIndex, OptionQuery>;

	/// The books of the depositors' pool: received, paid to depositors, sent to the
	/// treasury (pools of eras without deposits), and carried to the next pool (a
	/// forfeited reward, a pool the treasury could not take).
	#[pallet::storage]
	pub type Ledger<T: Config> = StorageValue<_, PoolLedger<QqqOf<T>>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Plans open from genesis: (lock eras, reward multiplier in percent, minimum
		/// deposit in QAS base units).
		pub plans: alloc::vec::Vec<(EraIndex, u16, u128)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::traits::UniqueSaturatedFrom;
			for &(lock_eras, reward_multiplier, min_amount) in &self.plans {
				let min_amount = QasOf::<T>::unique_saturated_from(min_amount);
				Pallet::<T>::add_plan(lock_eras, reward_multiplier, min_amount)
					.expect("a genesis deposit plan is invalid");
			}
			// Rewards are paid out keeping the pool account alive, so it must hold the
			// existential deposit from the start; a preset normally endows it, otherwise
			// genesis issues what is missing.
			endow_with_existential_deposit::<T::AccountId, T::Qqq>(&Pallet::<T>::pool_account());
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new plan accepts deposits.
		PlanCreated {
			plan: PlanId,
			lock_eras: EraIndex,
			reward_multiplier: u16,
			min_amount: QasOf<T>,
		},
		/// A plan accepts no more deposits; its positions stay as they are.
		PlanClosed { plan: PlanId },
		/// `who` deposited `amount` QAS into `plan`: `position` shares the pools from
		/// `start_era` with `weight` and may be withdrawn from `maturity_era`.
		Deposited {
			who: T::AccountId,
			position: PositionId,
			plan: PlanId,
			amount: QasOf<T>,
			weight: RewardWeight,
			start_era: EraIndex,
			maturity_era: EraIndex,
		},
		/// `who` was paid `amount` QQQ of depositors' rewards.
		RewardsClaimed { who: T::AccountId, amount: QqqOf<T> },
		/// `who` withdrew `position`: `amount` QAS released, `rewards` QQQ paid.
		Withdrawn { who: T::AccountId, position: PositionId, amount: QasOf<T>, rewards: QqqOf<T> },
		/// The reward of a withdrawn position was below QQQ's existential deposit and its
		/// owner has no QQQ account: it goes to the next pool instead.
		RewardForfeited { who: T::AccountId, position: PositionId, amount: QqqOf<T> },
		/// `era`'s pool of `amount` QQQ (with what was carried from before) was shared
		/// among `total_weight`.
		PoolShared { era: EraIndex, amount: QqqOf<T>, total_weight: RewardWeight },
		/// Nobody had deposited: `era`'s pool of `amount` QQQ went to the treasury.
		PoolSentToTreasury { era: EraIndex, amount: QqqOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The lock term is zero or longer than [`Config::MaxLockEras`].
		LockTermOutOfBounds,
		/// The multiplier is below 100 % or above [`Config::MaxRewardMultiplier`].
		MultiplierOutOfBounds,
		/// The plan's minimum is below [`Config::MinDepositFloor`].
		MinAmountTooLow,
		/// [`Config::MaxPlans`] plans exist already.
		TooManyPlans,
		/// No plan has that number.
		UnknownPlan,
		/// The plan is closed to new deposits.
		PlanClosed,
		/// The plan is closed already.
		PlanAlreadyClosed,
		/// The amount is below the plan's minimum.
		BelowPlanMinimum,
		/// The account has [`Config::MaxPositions`] positions already.
		TooManyPositions,
		/// The account does not have that much QAS free to deposit.
		InsufficientQas,
		/// The account has no rewards to claim.
		NothingToClaim,
		/// The account has no position with that number.
		UnknownPosition,
		/// The position is not mature: its term, or the settlement of its last era, has not
		/// ended yet.
		NotMatured,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxPositions::get() > 0, "an account must be able to deposit");
			assert!(T::MaxLockEras::get() > 0);
			assert!(T::MaxRewardMultiplier::get() >= 100, "×1.0 must be allowed");
			assert!(
				T::MinDepositFloor::get() >= T::Qas::minimum_balance(),
				"a deposit below the existential deposit could not be held"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a plan that accepts deposits from now on.
		///
		/// Only [`Config::PlanOrigin`]. `reward_multiplier` is in percent (130 = ×1.3).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_plan())]
		pub fn create_plan(
			origin: OriginFor<T>,
			lock_eras: EraIndex,
			reward_multiplier: u16,
			min_amount: QasOf<T>,
		) -> DispatchResult {
			T::PlanOrigin::ensure_origin(origin)?;
			Self::add_plan(lock_eras, reward_multiplier, min_amount).map(|_| ())
		}

		/// Close a plan to new deposits. Its positions keep their terms and rewards.
		///
		/// Only [`Config::PlanOrigin`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::close_plan())]
		pub fn close_plan(origin: OriginFor<T>, plan: PlanId) -> DispatchResult {
			T::PlanOrigin::ensure_origin(origin)?;
			Self::do_close_plan(plan)
		}

		/// Deposit `amount` QAS into `plan`: the QAS is held until the position is
		/// withdrawn, and the position shares the depositors' pools from the next era on.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deposit())]
		pub fn deposit(
			origin: OriginFor<T>,
			plan: PlanId,
			#[pallet::compact] amount: QasOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit(who, plan, amount)
		}

		/// Pay the caller the QQQ all its positions have earned.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::claim(BENCHMARKED_POSITIONS))]
		pub fn claim(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(who)
		}

		/// Withdraw a mature position: its QAS is released and what it earned is paid.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, position: PositionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, position)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account the depositors' pool is paid into and rewards are paid from.
		pub fn pool_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// QQQ the account's positions have earned and not yet been paid.
		pub fn pending_rewards(who: &T::AccountId) -> QqqOf<T> {
			Positions::<T>::get(who)
				.iter()
				.fold(Zero::zero(), |sum: QqqOf<T>, position| sum.saturating_add(Self::earned(position)))
		}

		/// Checks the pallet's invariants (run after every unit test and by try-runtime):
		/// the QAS held equals the positions, every weight is accounted once, and the pool
		/// account holds at least what the depositors are owed.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let reason: T::RuntimeHoldReason = HoldReason::Deposit.into();
			let mut deposited = QasOf::<T>::zero();
			let mut pending = QqqOf::<T>::zero();
			let mut joined_weight: RewardWeight = 0;
			let mut waiting = alloc::collections::BTreeMap::<EraIndex, (RewardWeight, u32)>::new();
			let mut maturing = alloc::collections::BTreeMap::<EraIndex, (RewardWeight, u32)>::new();
			for (who, positions) in Positions::<T>::iter() {
				ensure!(!positions.is_empty(), "an empty position list is stored");
				let mut held = QasOf::<T>::zero();
				for position in &positions {
					held.saturating_accrue(position.amount);
					pending.saturating_accrue(Self::earned(position));
					let cohort = Cohorts::<T>::get(position.start_era);
					let joined = position.reward_per_weight_paid.is_some() ||
						cohort.is_some_and(|c| c.joined_at.is_some());
					let extra = Self::extra_weight(position);
					let matured = Maturing::<T>::get(position.maturity_era)
						.is_some_and(|m| m.matured_at.is_some());
					if joined {
						let in_total = if matured { position.weight - extra } else { position.weight };
						joined_weight.saturating_accrue(in_total);
					}
					if extra > 0 {
						let entry = maturing.entry(position.maturity_era).or_default();
						entry.0.saturating_accrue(extra);
						entry.1.saturating_accrue(1);
					}
					if position.reward_per_weight_paid.is_none() {
						let entry = waiting.entry(position.start_era).or_default();
						if !joined {
							entry.0.saturating_accrue(position.weight);
						}
						entry.1.saturating_accrue(1);
					}
				}
				ensure!(
					T::Qas::balance_on_hold(&reason, &who) == held,
					"the QAS held for an account differs from its positions"
				);
				deposited.saturating_accrue(held);
			}
			ensure!(TotalDeposited::<T>::get() == deposited, "TotalDeposited differs from the positions");
			ensure!(TotalWeight::<T>::get() == joined_weight, "TotalWeight differs from the positions");
			for (era, cohort) in Cohorts::<T>::iter() {
				let (weight, count) = waiting.remove(&era).unwrap_or_default();
				ensure!(cohort.waiting_weight == weight, "a cohort's waiting weight is wrong");
				ensure!(cohort.unsettled_positions == count, "a cohort's position count is wrong");
				ensure!(count > 0, "an empty cohort is stored");
			}
			ensure!(waiting.is_empty(), "a position refers to a missing cohort");
			for (era, cohort) in Maturing::<T>::iter() {
				let (extra, count) = maturing.remove(&era).unwrap_or_default();
				ensure!(cohort.extra_weight == extra, "a maturing cohort's extra weight is wrong");
				ensure!(cohort.unsettled_positions == count, "a maturing cohort's count is wrong");
				ensure!(count > 0, "an empty maturing cohort is stored");
			}
			ensure!(maturing.is_empty(), "a position refers to a missing maturing cohort");

			// The whole base units of the remainder are received QQQ not yet shared.
			let remainder = RewardPerWeight::<T>::get().remainder / poseidon_primitives::reward_accumulator::SCALE;
			let remainder: QqqOf<T> = sp_runtime::traits::UniqueSaturatedFrom::unique_saturated_from(remainder);
			let committed = pending.saturating_add(remainder);
			let held = T::Qqq::reducible_balance(
				&Self::pool_account(),
				frame_support::traits::tokens::Preservation::Preserve,
				frame_support::traits::tokens::Fortitude::Polite,
			);
			Ledger::<T>::get().ensure_covers(committed, held)?;
			Ok(())
		}
	}
}
