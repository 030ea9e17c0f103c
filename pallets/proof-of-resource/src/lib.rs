//! # Proof-of-resource pallet
//!
//! Edge miners contribute bandwidth, compute and storage to the content-acceleration
//! network and prove, once per era, what they served. Their accepted **power** decides
//! their share of the era's miner pool (paid by the revenue pallet).
//!
//! ## Miners
//!
//! - [`Pallet::register_miner`] declares a device [`MinerProfile`] (capacity and region)
//!   and holds [`Config::MinerBond`] QQQ with a fungible hold ([`HoldReason::MinerBond`]).
//!   Each declared capacity is capped by [`Config::MaxCapacity`] (governable): the largest
//!   single device the network expects.
//! - [`Pallet::update_profile`] changes the profile from the next era on, so a miner
//!   cannot raise its capacity to justify a proof of the era in progress; while the
//!   previous era's proofs are still accepted, the profile it was proved against cannot
//!   be replaced either (one profile per era).
//! - [`Pallet::deregister`] starts unbonding; [`Pallet::withdraw_bond`] releases the bond
//!   [`Config::UnbondingEras`] eras later. Rewards already earned stay claimable: they
//!   depend on recorded proofs, not on registration.
//!
//! ## Proofs
//!
//! [`Pallet::submit_proof`] records a [`ResourceUsage`] and a 32-byte commitment to the
//! off-chain evidence for the current era, or for the previous one within the grace
//! window (the first quarter of the next era, see [`poseidon_primitives::era`]).
//! One proof per (miner, era); usage above the declared capacity (capped by
//! [`Config::MaxCapacity`]) × the era's duration is refused as physically impossible. Only
//! a miner whose bond is at least [`Config::MinBondToProve`] may prove. A valid first proof
//! pays no fee, so honest miners prove for free, while failed calls pay, so spam costs
//! the spammer.
//!
//! Power = Σ usageᵢ × [`ResourceWeights`]ᵢ, weights being governable. Accepted power is
//! kept per (era, miner) and as a running total per era, so the revenue pallet reads an
//! era's total in O(1) whatever the number of miners.
//!
//! ## Optimistic verification
//!
//! A proof counts unless a quorum of supernodes ([`Config::RejectionQuorum`] of the
//! current [`Config::Supernodes`], a majority in the runtime) rejects it with
//! [`Pallet::reject_proof`] before its era is final: during the era, its grace period, or
//! the challenge window after it (see [`poseidon_primitives::era`]), so even a proof sent
//! in the last block of the grace period can be rejected. Settlement waits for the era to
//! be final. Checking every proof on chain would be impossible (the evidence lives off
//! chain); supernodes probe miners and check receipts.
//!
//! A rejected proof loses its power, and its miner is *ejected*: it can prove nothing
//! more, and [`Config::FraudSlash`] of what is left of its bond is taken. The supernodes
//! whose rejections made the quorum share [`Config::RejectorsShare`] of the slash (more
//! than the fees their calls cost) and the call that reaches the quorum is free; the rest
//! of the slash goes to the treasury.
//!
//! ## The era clock
//!
//! This pallet owns the era clock: eras are [`EraLength`](Pallet::era_state) blocks long
//! (set in genesis, changed by [`Pallet::set_era_length`] from the next era). Other
//! pallets read it through [`poseidon_primitives::era::EraClock`].
//!
//! ## Where things are
//!
//! This file declares the pallet (config, storage, events, errors, hooks) and its calls,
//! each of which hands off to the module that owns its concept: [`registration`]
//! (register, update the profile, deregister, withdraw the bond), [`power`] (proofs, the
//! power per unit of resource, the power other pallets read, pruning), [`rejection`]
//! (optimistic verification and its slash) and [`era_clock`] (eras and their windows).
//!
//! ## Bounded work
//!
//! No hook iterates over miners. `on_initialize` only advances the clock; `on_idle` removes
//! the proofs of eras older than [`Config::ProofHistoryDepth`] a bounded number at a time.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod era_clock;
#[cfg(test)]
mod mock;
pub mod migrations;
mod power;
mod registration;
mod rejection;
pub mod supernodes;
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
			fungible::{Inspect, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use poseidon_primitives::{
		era::EraIndex, power::Power, supernodes::SupernodeSet, treasury::TreasuryAccount,
	};
	use sp_runtime::{
		traits::{Convert, Zero},
		Perbill,
	};

	/// Balance of the bond currency (QQQ).
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// The in-code storage version: 1 since the resource weights are stored as
	/// `PowerPerUnit` and `Miners` is counted ([`crate::migrations::v1`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A miner's bond, slashed on proven fraud.
		MinerBond,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// QQQ: the bond is held in it and slashes are paid in it.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Where fraud slashes go.
		type Treasury: TreasuryAccount<Self::AccountId>;

		/// Who may reject proofs.
		type Supernodes: SupernodeSet<Self::AccountId>;

		/// How many rejections (given the number of supernodes) take a proof's power away.
		type RejectionQuorum: Convert<u32, u32>;

		/// QQQ held from each miner that registers; the amount held is recorded per miner,
		/// so the value may change (a runtime may make it governable) without touching the
		/// bonds already held. Not a metadata constant for that reason.
		type MinerBond: Get<BalanceOf<Self>>;

		/// Eras between `deregister` and the release of the bond. At least 2, so that a
		/// leaving miner's last proofs can still be rejected (and slashed) before the bond
		/// is gone; `integrity_test` checks it.
		#[pallet::constant]
		type UnbondingEras: Get<EraIndex>;

		/// Part of what is left of its bond a miner loses when one of its proofs is
		/// rejected (and it is ejected).
		#[pallet::constant]
		type FraudSlash: Get<Perbill>;

		/// Part of a fraud slash paid to the supernodes whose rejections made the quorum,
		/// in equal parts; the rest goes to the treasury.
		#[pallet::constant]
		type RejectorsShare: Get<Perbill>;

		/// Most capacity a profile may declare, per resource (a runtime may make it
		/// governable). Proofs are checked against the profile capped by the value in force.
		type MaxCapacity: Get<CapacityLimits>;

		/// Smallest bond with which a miner may prove; registration holds at least this.
		#[pallet::constant]
		type MinBondToProve: Get<BalanceOf<Self>>;

		/// Duration of a block, to turn an era's length into the time capacity was
		/// available.
		#[pallet::constant]
		type MillisecsPerBlock: Get<u64>;

		/// Shortest era [`Pallet::set_era_length`] accepts.
		#[pallet::constant]
		type MinEraLength: Get<BlockNumberFor<Self>>;

		/// Longest era [`Pallet::set_era_length`] accepts.
		#[pallet::constant]
		type MaxEraLength: Get<BlockNumberFor<Self>>;

		/// Eras for which proofs are kept after their own (they back reward claims until
		/// the revenue pallet sweeps unclaimed rewards); older ones are removed in
		/// `on_idle`.
		#[pallet::constant]
		type ProofHistoryDepth: Get<EraIndex>;

		/// Largest supernode set the chain may have: the rejections of one proof are
		/// benchmarked with this many supernodes.
		#[pallet::constant]
		type MaxSupernodes: Get<u32>;

		/// Who may change the [`ResourceWeights`] (on Poseidon, `Root`: the `root`
		/// referendum track).
		type ResourceWeightsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest resource weights [`Pallet::set_resource_weights`] accepts, each
		/// resource alone: a bound in code that no referendum can lift, so one vote cannot
		/// value one resource so far above the others that its miners take the whole miner
		/// pool.
		#[pallet::constant]
		type MaxResourceWeights: Get<ResourceWeights>;

		/// Who may change the era length (on Poseidon, `Root`: the `root` referendum track,
		/// since the era is also the window in which proofs can be rejected).
		type EraLengthOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls and hooks, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The era clock: current era, its start and length, and the previous era's length.
	#[pallet::storage]
	pub type Era<T: Config> = StorageValue<_, EraState<BlockNumberFor<T>>, OptionQuery>;

	/// A new era length decided during the current era, applied when the next one starts.
	#[pallet::storage]
	pub type NextEraLength<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The power each unit of bandwidth, compute and storage earns (the governable
	/// [`ResourceWeights`]; not to be confused with the FRAME weights of calls).
	#[pallet::storage]
	pub type PowerPerUnit<T: Config> = StorageValue<_, ResourceWeights, ValueQuery>;

	/// Registered miners, including those unbonding; counted, so the number of miners is
	/// one read.
	#[pallet::storage]
	pub type Miners<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, Miner<BalanceOf<T>>, OptionQuery>;

	/// Proofs by era and miner.
	#[pallet::storage]
	pub type Proofs<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		T::AccountId,
		ProofRecord,
		OptionQuery,
	>;

	/// Running total of accepted power per era.
	#[pallet::storage]
	pub type EraTotalPower<T: Config> = StorageMap<_, Twox64Concat, EraIndex, Power, ValueQuery>;

	/// Rejections by (era, miner, supernode); makes a second rejection by the same
	/// supernode a cheap lookup.
	#[pallet::storage]
	pub type Rejections<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, EraIndex>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		RejectionReason,
		OptionQuery,
	>;

	/// Oldest era whose proofs are still stored; `on_idle` prunes from here.
	#[pallet::storage]
	pub type OldestStoredEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Era length in blocks (production: one day; dev: about a minute).
		pub era_length: BlockNumberFor<T>,
		/// Initial resource weights.
		pub resource_weights: ResourceWeights,
		/// Miners registered from genesis, each holding [`Config::MinerBond`] like any
		/// miner: the chain's launch validators, which must prove work to stay eligible as
		/// supernode candidates (docs/security.md, attack 9).
		pub miners: alloc::vec::Vec<(T::AccountId, MinerProfile)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let length = if self.era_length.is_zero() { T::MinEraLength::get() } else { self.era_length };
			assert!(
				length >= T::MinEraLength::get() && length <= T::MaxEraLength::get(),
				"genesis era length outside [MinEraLength, MaxEraLength]"
			);
			// Era 0 starts with the first block after genesis.
			let start: BlockNumberFor<T> = 1u32.into();
			Era::<T>::put(EraState { current: 0, start, length, previous_length: length });
			assert!(self.resource_weights.values_something(), "genesis resource weights are all zero");
			assert!(
				self.resource_weights.is_within(&T::MaxResourceWeights::get()),
				"genesis resource weights above MaxResourceWeights"
			);
			PowerPerUnit::<T>::put(self.resource_weights);
			for (miner, profile) in &self.miners {
				Pallet::<T>::do_register_miner(miner.clone(), *profile).expect("a genesis miner could not register");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A miner registered and its bond is held.
		MinerRegistered { miner: T::AccountId, profile: MinerProfile, bond: BalanceOf<T> },
		/// A miner's new profile applies from era `from_era`.
		ProfileUpdated { miner: T::AccountId, profile: MinerProfile, from_era: EraIndex },
		/// A miner left; its bond can be withdrawn from era `withdrawable_from`.
		MinerDeregistered { miner: T::AccountId, withdrawable_from: EraIndex },
		/// A leaving miner's bond was released and its registration removed.
		BondWithdrawn { miner: T::AccountId, amount: BalanceOf<T> },
		/// A proof was accepted with `power`.
		ProofAccepted { miner: T::AccountId, era: EraIndex, power: Power },
		/// A supernode rejected a proof (`rejections` so far, `quorum` needed).
		ProofChallenged {
			supernode: T::AccountId,
			miner: T::AccountId,
			era: EraIndex,
			reason: RejectionReason,
			rejections: u32,
			quorum: u32,
		},
		/// The quorum rejected a proof: its power no longer counts and `slashed` of the
		/// miner's bond was taken, `rejectors_paid` of it to the rejecting supernodes and
		/// the rest to the treasury.
		ProofRejected {
			miner: T::AccountId,
			era: EraIndex,
			power: Power,
			slashed: BalanceOf<T>,
			rejectors_paid: BalanceOf<T>,
		},
		/// A miner whose proof was rejected may prove nothing more; what is left of its
		/// bond can be withdrawn from era `withdrawable_from`.
		MinerEjected { miner: T::AccountId, withdrawable_from: EraIndex },
		/// A new era started at block `start`, lasting `length` blocks.
		EraStarted { era: EraIndex, start: BlockNumberFor<T>, length: BlockNumberFor<T> },
		/// The era length becomes `length` blocks from the next era.
		EraLengthScheduled { length: BlockNumberFor<T> },
		/// Resource weights changed; they apply to proofs submitted from now on.
		ResourceWeightsChanged { weights: ResourceWeights },
		/// Proofs of `era` were removed from storage (its rewards can no longer be claimed).
		ProofsPruned { era: EraIndex },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already registered (or still unbonding).
		AlreadyRegistered,
		/// The account is not a registered miner.
		NotRegistered,
		/// The miner has deregistered; it can only withdraw its bond.
		Unbonding,
		/// The profile declares no capacity.
		EmptyProfile,
		/// The profile equals the one that will apply next era.
		ProfileUnchanged,
		/// Not enough free QQQ for the bond.
		InsufficientBond,
		/// The bond is still unbonding.
		BondStillLocked,
		/// `deregister` first.
		NotUnbonding,
		/// The era has not started yet.
		FutureEra,
		/// The era's proof window has closed (it is older than the previous era, or the
		/// grace period is over).
		EraClosed,
		/// The miner was not registered (or had already left) in that era.
		NotMinerInEra,
		/// The miner already proved this era.
		DuplicateProof,
		/// The proof claims no usage.
		EmptyUsage,
		/// The usage exceeds the declared capacity × the era's duration.
		ImplausibleUsage,
		/// No proof of this miner for this era.
		NoSuchProof,
		/// Only a current supernode may reject proofs.
		NotSupernode,
		/// This supernode already rejected this proof.
		AlreadyChallenged,
		/// The proof has already been rejected by the quorum.
		AlreadyRejected,
		/// A declared capacity is above [`Config::MaxCapacity`].
		CapacityAboveLimit,
		/// The miner's bond is below [`Config::MinBondToProve`].
		BondTooSmall,
		/// The profile in force was the one for the previous era, whose proofs are still
		/// accepted: it can be replaced once that era's grace period is over.
		ProfileStillInUse,
		/// The era length is outside [`Config::MinEraLength`, `Config::MaxEraLength`].
		EraLengthOutOfBounds,
		/// The weights value nothing: every proof would have zero power.
		ZeroResourceWeights,
		/// A weight is above [`Config::MaxResourceWeights`].
		ResourceWeightsAboveLimit,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Advances the era clock: O(1).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if Self::advance_clock(now) {
				T::WeightInfo::on_initialize_new_era()
			} else {
				T::WeightInfo::on_initialize_same_era()
			}
		}

		/// Removes the proofs of one expired era, as many as the remaining weight allows.
		fn on_idle(_now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune_expired_proofs(remaining)
		}

		fn integrity_test() {
			assert!(T::UnbondingEras::get() >= 2, "UnbondingEras must be at least 2");
			assert!(!T::MinEraLength::get().is_zero(), "MinEraLength must be positive");
			assert!(T::MinEraLength::get() <= T::MaxEraLength::get());
			assert!(T::MillisecsPerBlock::get() > 0);
			assert!(T::MaxSupernodes::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as a miner with `profile`, holding [`Config::MinerBond`] QQQ.
		///
		/// The miner may prove from the current era on.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_miner())]
		pub fn register_miner(origin: OriginFor<T>, profile: MinerProfile) -> DispatchResult {
			let miner = ensure_signed(origin)?;
			Self::do_register_miner(miner, profile)
		}

		/// Replace the caller's profile from the next era on.
		///
		/// Proofs of the era in progress are still checked against the old profile. Refused
		/// while an update that took effect this era would replace the profile the previous
		/// era's late proofs are checked against.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_profile())]
		pub fn update_profile(origin: OriginFor<T>, profile: MinerProfile) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_profile(who, profile)
		}

		/// Stop mining: proofs for eras after the current one are refused and the bond can
		/// be withdrawn after [`Config::UnbondingEras`] eras.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deregister())]
		pub fn deregister(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister(who)
		}

		/// Release the bond of a deregistered miner once unbonding is over, and remove its
		/// registration. Its recorded proofs (and so its unclaimed rewards) stay.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_bond())]
		pub fn withdraw_bond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_bond(who)
		}

		/// Prove what the caller served in `era`: `usage` and a commitment to the
		/// off-chain `evidence`.
		///
		/// `era` is the current era, or the previous one during the grace window. A valid
		/// first proof of an era pays no fee; a failed call pays (a duplicate only the
		/// little it cost to detect).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::submit_proof())]
		pub fn submit_proof(
			origin: OriginFor<T>,
			era: EraIndex,
			usage: ResourceUsage,
			evidence: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_proof(who, era, usage, evidence)
		}

		/// As a supernode, reject `miner`'s proof of `era` for `reason`.
		///
		/// Possible until the era is final (its grace period and challenge window over).
		/// When the rejections reach the quorum the proof loses its power, the miner is
		/// ejected and [`Config::FraudSlash`] of its bond is slashed: the rejecting
		/// supernodes share [`Config::RejectorsShare`] of it, the treasury the rest. The
		/// call that reaches the quorum pays no fee.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reject_proof())]
		pub fn reject_proof(
			origin: OriginFor<T>,
			miner: T::AccountId,
			era: EraIndex,
			reason: RejectionReason,
		) -> DispatchResultWithPostInfo {
			let supernode = ensure_signed(origin)?;
			Self::do_reject_proof(supernode, miner, era, reason)
		}

		/// Set the [`ResourceWeights`]; they apply to proofs submitted from now on.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_resource_weights())]
		pub fn set_resource_weights(origin: OriginFor<T>, weights: ResourceWeights) -> DispatchResult {
			T::ResourceWeightsOrigin::ensure_origin(origin)?;
			Self::do_set_power_per_unit(weights)
		}

		/// Set the era length in blocks, from the next era on.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_era_length())]
		pub fn set_era_length(origin: OriginFor<T>, length: BlockNumberFor<T>) -> DispatchResult {
			T::EraLengthOrigin::ensure_origin(origin)?;
			Self::do_set_era_length(length)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The era clock. Genesis always writes it; the default only serves chains whose
		/// genesis predates this pallet.
		pub fn era_state() -> EraState<BlockNumberFor<T>> {
			Era::<T>::get().unwrap_or_else(|| {
				let length = T::MinEraLength::get();
				EraState { current: 0, start: Zero::zero(), length, previous_length: length }
			})
		}

		/// The rejections that take a proof's power away, with the current supernode set.
		pub fn rejection_quorum() -> u32 {
			T::RejectionQuorum::convert(T::Supernodes::supernode_count()).max(1)
		}

		/// Moves up to `amount` of `miner`'s held bond to `to`; returns what was moved.
		pub(crate) fn take_from_bond(
			miner: &T::AccountId,
			to: &T::AccountId,
			amount: BalanceOf<T>,
		) -> BalanceOf<T> {
			if amount.is_zero() {
				return amount;
			}
			T::Currency::transfer_on_hold(
				&HoldReason::MinerBond.into(),
				miner,
				to,
				amount,
				Precision::BestEffort,
				frame_support::traits::tokens::Restriction::Free,
				frame_support::traits::tokens::Fortitude::Force,
			)
			.unwrap_or_else(|_| Zero::zero())
		}

		/// Checks the pallet's invariants (run after every unit test and by try-runtime).
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use frame_support::traits::fungible::InspectHold;
			let mut miners = 0u32;
			for (who, miner) in Miners::<T>::iter() {
				miners += 1;
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::MinerBond.into(), &who) == miner.bond,
					"a miner's held bond differs from its recorded bond"
				);
			}
			ensure!(miners == Miners::<T>::count(), "the miner count differs from the number of miners");
			for (era, total) in EraTotalPower::<T>::iter() {
				let sum = Proofs::<T>::iter_prefix(era)
					.fold(0u128, |sum, (_, proof)| sum.saturating_add(proof.accepted_power()));
				ensure!(sum == total, "an era's total power differs from the sum of its proofs");
			}
			let state = Self::era_state();
			ensure!(state.length >= T::MinEraLength::get(), "era shorter than MinEraLength");
			Ok(())
		}
	}
}
