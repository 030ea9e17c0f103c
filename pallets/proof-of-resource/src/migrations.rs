//! Storage migrations of the proof-of-resource pallet.
//!
//! Each migration is a [`VersionedMigration`]: it runs only when the pallet's on-chain
//! storage version is the one it migrates from, and bumps it, so a runtime may keep it in
//! its `Migrations` for several upgrades without running it twice. A chain built from
//! genesis by a runtime that has it starts at the new version and never runs it.

use crate::{Config, Pallet, PowerPerUnit, ResourceWeights};
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::{OptionQuery, ValueQuery},
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

#[cfg(feature = "try-runtime")]
use crate::Miners;
#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;

/// Version 0 → 1, for chains started by builds before the resource weights were stored as
/// `PowerPerUnit` and before `Miners` counted its own entries:
/// - the value of `Weights` (the same [`ResourceWeights`] under its old name) moves to
///   [`PowerPerUnit`];
/// - `MinerCount`, which the pallet used to keep by hand beside `Miners`, becomes the
///   counter of the counted map, so counting miners stays one read and the migration
///   does not iterate over them.
pub mod v1 {
	use super::*;

	/// The storage of version 0 that version 1 renamed or dropped.
	pub(crate) mod v0 {
		use super::*;

		/// The resource weights, as version 0 named them.
		#[frame_support::storage_alias]
		pub type Weights<T: Config> = StorageValue<Pallet<T>, ResourceWeights, OptionQuery>;

		/// The number of entries in `Miners`, kept by hand in version 0.
		#[frame_support::storage_alias]
		pub type MinerCount<T: Config> = StorageValue<Pallet<T>, u32, OptionQuery>;
	}

	/// The counter of the counted map `Miners` (FRAME stores it as `CounterFor` + name).
	#[frame_support::storage_alias]
	pub(crate) type CounterForMiners<T: Config> = StorageValue<Pallet<T>, u32, ValueQuery>;

	/// The migration without its version check; use [`MigrateV0ToV1`].
	pub struct UncheckedMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let weights = v0::Weights::<T>::take();
			if let Some(weights) = weights {
				PowerPerUnit::<T>::put(weights);
			}
			let count = v0::MinerCount::<T>::take();
			if let Some(count) = count {
				CounterForMiners::<T>::put(count);
			}
			// Two reads, and for each value found one removal and one write.
			let found = u64::from(weights.is_some()) + u64::from(count.is_some());
			T::DbWeight::get().reads_writes(2, found * 2)
		}

		/// Encodes what version 0 holds, for `post_upgrade` to compare.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((v0::Weights::<T>::get(), v0::MinerCount::<T>::get()).encode())
		}

		/// The old items are gone, their values are where version 1 reads them, and the
		/// counter is the number of miners.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			use frame_support::ensure;
			let (weights, count) = <(Option<ResourceWeights>, Option<u32>)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			ensure!(v0::Weights::<T>::get().is_none(), "Weights is still in storage");
			ensure!(v0::MinerCount::<T>::get().is_none(), "MinerCount is still in storage");
			if let Some(weights) = weights {
				ensure!(PowerPerUnit::<T>::get() == weights, "PowerPerUnit is not the old Weights");
			}
			if let Some(count) = count {
				ensure!(Miners::<T>::count() == count, "the miners' counter is not the old MinerCount");
			}
			ensure!(
				Miners::<T>::count() as usize == Miners::<T>::iter_keys().count(),
				"the miners' counter differs from the number of miners"
			);
			Ok(())
		}
	}

	/// Version 0 → 1 of the pallet's storage; see the [module](self) documentation.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		UncheckedMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
