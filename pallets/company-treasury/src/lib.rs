//! # Company treasury pallet
//!
//! The treasury is the company's account. It receives 80 % of every transaction fee and
//! tip today, and later the treasury share of each era's revenue, rounding dust, fraud
//! slashes and swept rewards.
//!
//! This pallet is the one owner of that account:
//!
//! - genesis sets it (each chain-spec preset names its company account);
//! - [`Pallet::set_treasury_account`] changes it, and only [`Config::ManagerOrigin`] may
//!   call it (on Poseidon `Root`: sudo on dev chains, the `root` referendum track on a
//!   real network, since the account receives fees, revenue and slashes);
//! - every other part of the runtime reads it through the small
//!   [`poseidon_primitives::treasury::TreasuryAccount`] trait, never through this pallet's
//!   storage, so pallets stay independent of each other.
//!
//! Until genesis or governance sets it, the account is the keyless account derived from
//! [`Config::PalletId`]: money sent there is never lost, and a referendum can move the
//! role to a company account at any time.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::WeightInfo;
	use frame_support::{pallet_prelude::*, PalletId};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::AccountIdConversion;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Who may move the treasury role to another account.
		type ManagerOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Seed of the keyless account used while no treasury account has been set.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The account that receives the treasury's share. `None` only on a chain whose
	/// genesis did not set it; then [`Pallet::account`] falls back to the keyless account.
	#[pallet::storage]
	pub type TreasuryAccount<T: Config> = StorageValue<_, T::AccountId, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The company account; `None` keeps the keyless fallback account.
		pub treasury_account: Option<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(account) = &self.treasury_account {
				TreasuryAccount::<T>::put(account);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The treasury role moved from `old` to `new`; from now on fees and the treasury
		/// share of revenue go to `new`.
		TreasuryAccountChanged { old: T::AccountId, new: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The given account already is the treasury account.
		AlreadyTreasuryAccount,
		/// The account belongs to a pallet (a revenue pot, a reward pool): as the treasury
		/// it would mix the company's income into money the pallet owes, or lock it in an
		/// account nobody can spend from. Only this pallet's own keyless account is allowed.
		PalletAccount,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Make `new` the treasury account.
		///
		/// Only [`Config::ManagerOrigin`]. Funds already in the old account stay there: the
		/// company moves them itself; this call only redirects future income. A pallet's
		/// account (other than this pallet's keyless one) is refused.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_treasury_account())]
		pub fn set_treasury_account(origin: OriginFor<T>, new: T::AccountId) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			let old = Self::account();
			ensure!(old != new, Error::<T>::AlreadyTreasuryAccount);
			ensure!(new == Self::fallback_account() || !Self::is_pallet_account(&new), Error::<T>::PalletAccount);
			TreasuryAccount::<T>::put(&new);
			Self::deposit_event(Event::TreasuryAccountChanged { old, new });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The current treasury account: the one set by genesis or governance, else the
		/// keyless account of [`Config::PalletId`].
		pub fn account() -> T::AccountId {
			TreasuryAccount::<T>::get().unwrap_or_else(Self::fallback_account)
		}

		/// Whether `who` is a pallet's keyless account: its encoding starts with the
		/// `PalletId` type id (`modl`), as every account derived from a `PalletId` does.
		pub fn is_pallet_account(who: &T::AccountId) -> bool {
			use sp_runtime::TypeId;
			who.using_encoded(|bytes| bytes.starts_with(&PalletId::TYPE_ID))
		}

		/// The keyless account used while no treasury account is set.
		pub fn fallback_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}
	}

	impl<T: Config> poseidon_primitives::treasury::TreasuryAccount<T::AccountId> for Pallet<T> {
		fn treasury_account() -> T::AccountId {
			Self::account()
		}
	}
}
