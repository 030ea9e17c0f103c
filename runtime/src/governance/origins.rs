//! The custom origins of the referendum tracks.
//!
//! A referendum on the `revenue_split` track dispatches its call with the
//! [`Origin::RevenueSplit`] origin, one on `network_params` with
//! [`Origin::NetworkParams`]; the pallets accept each origin only for the calls of its
//! track ([`RevenueSplit`] and [`NetworkParams`] are the `EnsureOrigin`s the runtime
//! configures). The `root` track dispatches with `Root` itself.
//!
//! [`Origin::ReferendumCanceller`] and [`Origin::ReferendumKiller`] may cancel or kill a
//! referendum that is still being decided: on a chain without sudo, only a referendum
//! can stop another, and it must be able to do so faster than the `root` track.

pub use pallet_custom_origins::*;

#[frame_support::pallet]
pub mod pallet_custom_origins {
	use frame_support::pallet_prelude::*;

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origin of a referendum that passed on one of the custom tracks.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// The `revenue_split` track: the revenue split and the resource weights.
		RevenueSplit,
		/// The `network_params` track: era length, deposit plans, election parameters,
		/// the treasury account, the bonds.
		NetworkParams,
		/// The `referendum_canceller` track: cancel an ongoing referendum (its deposits
		/// are returned).
		ReferendumCanceller,
		/// The `referendum_killer` track: kill an ongoing referendum (its deposits are
		/// burnt).
		ReferendumKiller,
	}

	/// Whether the referendum tracks use their short test periods (see
	/// [`crate::governance::tracks`]); set in genesis by the dev and local presets.
	#[pallet::storage]
	pub type ShortTrackPeriods<T> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Short track periods, for test and development chains.
		pub short_track_periods: bool,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			ShortTrackPeriods::<T>::put(self.short_track_periods);
		}
	}

	/// Ensures a call comes from one custom origin.
	macro_rules! ensure_custom_origin {
		($name:ident) => {
			#[doc = concat!("Only the [`Origin::", stringify!($name), "`] origin.")]
			pub struct $name;
			impl<O: Into<Result<Origin, O>> + From<Origin>> EnsureOrigin<O> for $name {
				type Success = ();
				fn try_origin(o: O) -> Result<Self::Success, O> {
					o.into().and_then(|origin| match origin {
						Origin::$name => Ok(()),
						other => Err(O::from(other)),
					})
				}
				#[cfg(feature = "runtime-benchmarks")]
				fn try_successful_origin() -> Result<O, ()> {
					Ok(O::from(Origin::$name))
				}
			}
		};
	}

	ensure_custom_origin!(RevenueSplit);
	ensure_custom_origin!(NetworkParams);
	ensure_custom_origin!(ReferendumCanceller);
	ensure_custom_origin!(ReferendumKiller);
}
