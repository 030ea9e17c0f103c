//! # Revenue pallet
//!
//! Customers pay for the network's services in QQQ; every era's revenue is split between
//! the miners, the supernodes, the QAS depositors and the company treasury; miners claim
//! their share pro rata to the power they proved. The money path reads in three places:
//!
//! 1. [`Pallet::pay_for_service`] moves QQQ from the customer into the revenue pot (the
//!    keyless account of [`Config::PalletId`]) and counts it in the current era.
//! 2. **Settlement** (in `on_initialize`, see [`settlement`]) happens once an era's proof
//!    and challenge windows have closed, so its power is final. It splits the era's revenue by the
//!    [`RevenueSplit`] in force during that era, pays the supernode and depositor pools to
//!    the pallets that share them out ([`Config::SupernodePool`],
//!    [`Config::DepositorPool`]), pays the treasury its share plus all rounding dust, and
//!    records the miner pool with the era's total power. Its cost does not depend on the
//!    number of miners: it reads one running total kept by the proof-of-resource pallet.
//! 3. [`Pallet::claim_miner_rewards`] (anyone may call it for any miner) pays
//!    `miner_pool × power / total_power` per listed era, once per (miner, era). What is
//!    not claimed within [`Config::HistoryDepth`] eras is swept to the treasury.
//!
//! ## Governance of the split
//!
//! [`Pallet::set_split`] ([`Config::SplitOrigin`], a QAS referendum track) changes the
//! split within guard rails: the miners' share stays within
//! [`Config::MinMinerShare`]..=[`Config::MaxMinerShare`], the shares never exceed 100 %,
//! and one change moves the miners' share by at most [`Config::MaxSplitStep`]. The new
//! split applies from the next era: an era's split is fixed when the era starts, so
//! miners and customers know the terms of the era they work in.
//!
//! ## Conservation
//!
//! Every QQQ paid in is, at any time, in exactly one place: paid to a miner, handed to a
//! pool, paid to the treasury, or still held by the pot (unsettled revenue, claimable
//! rewards, a carried-over miner pool). `try_state` checks it, and every unit test runs
//! it.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod claims;
#[cfg(test)]
mod mock;
pub mod settlement;
mod split;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use poseidon_primitives::{
		era::{EraClock, EraIndex},
		pools::RewardPool,
		power::{Power, ProvenPower},
		treasury::TreasuryAccount,
	};
	use sp_runtime::{
		traits::{AccountIdConversion, Saturating, Zero},
		Percent,
	};

	/// Balance of QQQ.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// Settlement does the same storage work whatever the number of miners (its benchmark
	/// reads and writes 12 items with 1 and with 100 000 registered miners). Its measured
	/// time still grows a little with the size of the benchmark's state trie (under 1 ns
	/// per miner), so the hook charges the weight measured at the benchmark's largest
	/// miner count.
	pub const SETTLEMENT_BENCHMARKED_MINERS: u32 = 100_000;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// QQQ: payments, pools and rewards.
		type Currency: Mutate<Self::AccountId>;

		/// The era clock (owned by the proof-of-resource pallet).
		type Clock: EraClock;

		/// Accepted power per era and miner (owned by the proof-of-resource pallet).
		type Power: ProvenPower<Self::AccountId>;

		/// Where the treasury share, rounding dust and swept rewards go.
		type Treasury: TreasuryAccount<Self::AccountId>;

		/// Receiver of each era's depositor pool.
		type DepositorPool: RewardPool<Self::AccountId, BalanceOf<Self>>;

		/// Receiver of each era's supernode pool.
		type SupernodePool: RewardPool<Self::AccountId, BalanceOf<Self>>;

		/// Seed of the revenue pot account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Smallest accepted payment for service.
		#[pallet::constant]
		type MinPayment: Get<BalanceOf<Self>>;

		/// Lowest miners' share `set_split` accepts.
		#[pallet::constant]
		type MinMinerShare: Get<Percent>;

		/// Highest miners' share `set_split` accepts.
		#[pallet::constant]
		type MaxMinerShare: Get<Percent>;

		/// Largest change of the miners' share in one `set_split`.
		#[pallet::constant]
		type MaxSplitStep: Get<Percent>;

		/// Eras a settled era's miner rewards stay claimable.
		#[pallet::constant]
		type HistoryDepth: Get<EraIndex>;

		/// Most eras one `claim_miner_rewards` may list.
		#[pallet::constant]
		type MaxClaimEras: Get<u32>;

		/// Longest order reference a payment may carry.
		#[pallet::constant]
		type MaxOrderRefLen: Get<u32>;

		/// Who may change the split (the `revenue_split` referendum track).
		type SplitOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Revenue paid during each era not yet settled.
	#[pallet::storage]
	pub type EraRevenue<T: Config> = StorageMap<_, Twox64Concat, EraIndex, BalanceOf<T>, ValueQuery>;

	/// The split in force for the current era.
	#[pallet::storage]
	pub type CurrentSplit<T: Config> = StorageValue<_, RevenueSplit, ValueQuery>;

	/// A split decided during the current era, in force from the next one.
	#[pallet::storage]
	pub type NextSplit<T: Config> = StorageValue<_, RevenueSplit, OptionQuery>;

	/// The split of each started era not yet settled (at most two entries).
	#[pallet::storage]
	pub type EraSplit<T: Config> = StorageMap<_, Twox64Concat, EraIndex, RevenueSplit, OptionQuery>;

	/// The last era whose start this pallet has handled.
	#[pallet::storage]
	pub type LastStartedEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// The next era to settle; every era before it is settled.
	#[pallet::storage]
	pub type NextEraToSettle<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// Miner pools of eras without any proven power, added to the next settled era's
	/// miner pool.
	#[pallet::storage]
	pub type MinerPoolCarry<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Miner pools of settled eras whose rewards are still claimable.
	#[pallet::storage]
	pub type EraRewards<T: Config> =
		StorageMap<_, Twox64Concat, EraIndex, EraReward<BalanceOf<T>>, OptionQuery>;

	/// What each miner was paid for each era: a (miner, era) is paid once.
	#[pallet::storage]
	pub type ClaimedRewards<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		OptionQuery,
	>;

	/// Oldest era whose claim records may still be stored; `on_idle` removes them once the
	/// era is swept.
	#[pallet::storage]
	pub type OldestClaimRecordEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// All revenue ever paid in.
	#[pallet::storage]
	pub type TotalRevenue<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// All miner rewards ever paid.
	#[pallet::storage]
	pub type TotalMinerRewardsPaid<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// All supernode and depositor pools ever handed out.
	#[pallet::storage]
	pub type TotalPoolsHandedOut<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// All QQQ ever paid to the treasury (shares, dust, swept rewards).
	#[pallet::storage]
	pub type TotalToTreasury<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The split of era 0 onwards.
		pub split: RevenueSplit,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				Pallet::<T>::check_bounds(&self.split).is_ok(),
				"the genesis split is outside the guard rails"
			);
			let era = T::Clock::current_era();
			CurrentSplit::<T>::put(self.split);
			EraSplit::<T>::insert(era, self.split);
			LastStartedEra::<T>::put(era);
			NextEraToSettle::<T>::put(era);
			OldestClaimRecordEra::<T>::put(era);
			// The pot holds the existential deposit from genesis and every payment from it
			// keeps it alive: a balance below the existential deposit would be dusted
			// (burnt), taking rewards still owed with it.
			let pot = Pallet::<T>::pot();
			let missing = T::Currency::minimum_balance().saturating_sub(T::Currency::balance(&pot));
			if !missing.is_zero() {
				T::Currency::mint_into(&pot, missing).expect("minting the existential deposit works");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A customer paid for service; `amount` counts in `era`'s revenue.
		ServicePaid {
			customer: T::AccountId,
			era: EraIndex,
			amount: BalanceOf<T>,
			order_ref: BoundedVec<u8, T::MaxOrderRefLen>,
		},
		/// A new split was decided; it applies from `from_era`.
		SplitScheduled { split: RevenueSplit, from_era: EraIndex },
		/// `split` is in force from `era` on.
		SplitApplied { era: EraIndex, split: RevenueSplit },
		/// `era` was settled: its `revenue` went to the miner pool (claimable), the
		/// supernode and depositor pools, and the treasury (its share plus dust).
		EraSettled {
			era: EraIndex,
			revenue: BalanceOf<T>,
			miner_pool: BalanceOf<T>,
			supernode_pool: BalanceOf<T>,
			depositor_pool: BalanceOf<T>,
			treasury: BalanceOf<T>,
			total_power: Power,
		},
		/// No power was proved in `era`: its miner pool `amount` goes to the next era's.
		MinerPoolRolledOver { era: EraIndex, amount: BalanceOf<T> },
		/// A pool could not be paid to its receiver; it went to the treasury instead.
		PoolRedirectedToTreasury { era: EraIndex, amount: BalanceOf<T> },
		/// The treasury could not be paid; `amount` stays in the pot and joins the next
		/// era's miner pool.
		TreasuryPaymentDeferred { era: EraIndex, amount: BalanceOf<T> },
		/// `miner` was paid `amount` for `era`.
		MinerRewardsClaimed { miner: T::AccountId, era: EraIndex, amount: BalanceOf<T> },
		/// `era`'s rewards that nobody claimed within the history depth went to the
		/// treasury.
		UnclaimedRewardsSwept { era: EraIndex, amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The payment is below [`Config::MinPayment`].
		PaymentBelowMinimum,
		/// The customer does not have this much QQQ to pay while keeping its account
		/// alive (its existential deposit, and what is held or frozen, stay).
		InsufficientBalance,
		/// Miners, supernodes and depositors together would get more than 100 %.
		SharesExceedWhole,
		/// The miners' share is outside [`Config::MinMinerShare`]..=[`Config::MaxMinerShare`].
		MinerShareOutOfBounds,
		/// The miners' share would move by more than [`Config::MaxSplitStep`].
		SplitStepTooLarge,
		/// That split is already in force and no other is pending.
		SplitUnchanged,
		/// No era listed.
		NoEras,
		/// An era is listed twice.
		DuplicateEra,
		/// The era is not settled yet (its proofs may still be added or rejected).
		EraNotSettled,
		/// The era's unclaimed rewards were swept to the treasury.
		EraExpired,
		/// The miner has no reward in that era (no accepted power, or no miner pool).
		NoRewardForEra,
		/// The miner was already paid for that era.
		AlreadyClaimed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Fixes the split of an era that just started, then settles at most one era whose
		/// window has closed. O(1) whatever the number of miners.
		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			let mut weight = T::WeightInfo::on_initialize_idle();
			let current = T::Clock::current_era();
			if current > LastStartedEra::<T>::get() {
				Self::start_era(current);
				weight.saturating_accrue(T::WeightInfo::on_initialize_era_start());
			}
			let era = NextEraToSettle::<T>::get();
			if era < current && T::Clock::is_era_final(era) {
				Self::settle(era);
				weight.saturating_accrue(T::WeightInfo::on_initialize_settlement(
					SETTLEMENT_BENCHMARKED_MINERS,
				));
				// What the pools' receivers do with them is theirs to measure.
				weight.saturating_accrue(T::DepositorPool::on_pool_received_weight());
				weight.saturating_accrue(T::SupernodePool::on_pool_received_weight());
			}
			weight
		}

		/// Removes claim records of swept eras, as many as the remaining weight allows.
		fn on_idle(_now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune_claim_records(remaining)
		}

		fn integrity_test() {
			assert!(T::MinMinerShare::get() <= T::MaxMinerShare::get());
			assert!(T::HistoryDepth::get() > 0, "rewards must stay claimable for some eras");
			// Era `e` stays claimable until era `e + HistoryDepth` is settled, which
			// happens in the era after it (once its proof and challenge windows have
			// closed), and a claim reads the miner's power in `e`: the power must still
			// be there in era `e + HistoryDepth + 1`. One era more as a margin.
			assert!(
				T::Power::power_history_depth() >= T::HistoryDepth::get().saturating_add(2),
				"the power of an era is forgotten before its rewards stop being claimable: \
				 the power provider's history depth must be at least HistoryDepth + 2"
			);
			assert!(T::MaxClaimEras::get() > 0);
			assert!(Self::check_bounds(&RevenueSplit::default()).is_ok(), "the default split is invalid");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay `amount` QQQ for the network's service; `order_ref` identifies the order
		/// off chain (an invoice number, say).
		///
		/// The payment counts in the current era's revenue. The caller's account is kept
		/// alive: paying cannot reap it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::pay_for_service())]
		pub fn pay_for_service(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
			order_ref: BoundedVec<u8, T::MaxOrderRefLen>,
		) -> DispatchResult {
			let customer = ensure_signed(origin)?;
			ensure!(amount >= T::MinPayment::get(), Error::<T>::PaymentBelowMinimum);
			let payable = T::Currency::reducible_balance(&customer, Preservation::Preserve, Fortitude::Polite);
			ensure!(amount <= payable, Error::<T>::InsufficientBalance);
			T::Currency::transfer(&customer, &Self::pot(), amount, Preservation::Preserve)?;
			let era = T::Clock::current_era();
			EraRevenue::<T>::mutate(era, |revenue| revenue.saturating_accrue(amount));
			TotalRevenue::<T>::mutate(|total| total.saturating_accrue(amount));
			Self::deposit_event(Event::ServicePaid { customer, era, amount, order_ref });
			Ok(())
		}

		/// Set the revenue split, from the next era on.
		///
		/// Only [`Config::SplitOrigin`]. Refused outside the guard rails; a split decided
		/// earlier in the same era is replaced.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_split())]
		pub fn set_split(origin: OriginFor<T>, split: RevenueSplit) -> DispatchResult {
			T::SplitOrigin::ensure_origin(origin)?;
			Self::do_set_split(split)
		}

		/// Pay `miner` its rewards for `eras`. Anyone may call it (a miner's operator, a
		/// wallet, a bot); the rewards always go to the miner.
		///
		/// All or nothing: one bad era refuses the whole call.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::claim_miner_rewards(eras.len() as u32))]
		pub fn claim_miner_rewards(
			origin: OriginFor<T>,
			miner: T::AccountId,
			eras: BoundedVec<EraIndex, T::MaxClaimEras>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim(miner, eras)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The revenue pot: unsettled revenue, claimable rewards, carried-over pools.
		pub fn pot() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// Everything the pot must still hold: unsettled revenue, claimable pools, carry.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn owed_by_pot() -> BalanceOf<T> {
			let unsettled = EraRevenue::<T>::iter_values()
				.fold(BalanceOf::<T>::zero(), |sum, revenue| sum.saturating_add(revenue));
			let claimable = EraRewards::<T>::iter_values().fold(BalanceOf::<T>::zero(), |sum, reward| {
				sum.saturating_add(reward.miner_pool.saturating_sub(reward.claimed))
			});
			unsettled.saturating_add(claimable).saturating_add(MinerPoolCarry::<T>::get())
		}

		/// Checks the conservation invariant (run after every unit test and by try-runtime).
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			for (_, reward) in EraRewards::<T>::iter() {
				ensure!(reward.claimed <= reward.miner_pool, "an era paid more than its miner pool");
			}
			let owed = Self::owed_by_pot();
			let accounted = TotalMinerRewardsPaid::<T>::get()
				.saturating_add(TotalPoolsHandedOut::<T>::get())
				.saturating_add(TotalToTreasury::<T>::get())
				.saturating_add(owed);
			ensure!(
				TotalRevenue::<T>::get() == accounted,
				"revenue in differs from rewards paid + pools + treasury + still held"
			);
			ensure!(Self::pot_balance() >= owed, "the pot holds less than it owes");
			ensure!(
				T::Currency::balance(&Self::pot()) >= T::Currency::minimum_balance(),
				"the pot fell below the existential deposit"
			);
			ensure!(EraSplit::<T>::iter_keys().count() <= 3, "split snapshots are not cleaned up");
			Ok(())
		}
	}
}
