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
//!
//! [`Origin::Emergency`] is the fast path to `Root`: a referendum on the `emergency`
//! track proposes [`Pallet::dispatch_as_root`], which dispatches its call as `Root`. The
//! track asks for a two-thirds majority and a support floor of a fifth of all QAS, so
//! only a call most holders back passes it, within hours rather than the two weeks of
//! the `root` track; and a junk referendum on `root` cannot hold up a fix.

pub use pallet_custom_origins::*;

#[frame_support::pallet]
pub mod pallet_custom_origins {
	use frame_support::pallet_prelude::*;

	use frame_support::dispatch::{GetDispatchInfo, PostDispatchInfo};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A call of the runtime, which an emergency referendum dispatches as `Root`.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo;

		/// Who may dispatch as `Root` ([`Emergency`], the `emergency` track's origin).
		type EmergencyOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weight of [`Pallet::dispatch_as_root`] besides its call's: checking the origin
		/// and dispatching, the work `pallet-sudo`'s benchmarked `sudo` does.
		type DispatchOverhead: Get<Weight>;
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An emergency referendum dispatched its call as `Root`, with this result.
		DispatchedAsRoot { result: DispatchResult },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatch `call` as `Root`.
		///
		/// Only [`Origin::Emergency`], the origin of a referendum that passed the
		/// `emergency` track. The call's own failure is reported in the event, not as
		/// this call's error, so that the referendum's enactment is recorded either way.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::DispatchOverhead::get().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: alloc::boxed::Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::EmergencyOrigin::ensure_origin(origin)?;
			let outcome = call.dispatch(frame_system::RawOrigin::Root.into());
			let result = outcome.map(|_| ()).map_err(|error| error.error);
			Self::deposit_event(Event::DispatchedAsRoot { result });
			// The call's weight is charged in full: its own refund is not passed on.
			Ok(Pays::No.into())
		}
	}

	/// The origin of a referendum that passed on one of the custom tracks.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// The `revenue_split` track: the revenue split.
		RevenueSplit,
		/// The `network_params` track: deposit plans, election parameters, the bonds.
		NetworkParams,
		/// The `referendum_canceller` track: cancel an ongoing referendum (its deposits
		/// are returned).
		ReferendumCanceller,
		/// The `referendum_killer` track: kill an ongoing referendum (its deposits are
		/// burnt).
		ReferendumKiller,
		/// The `emergency` track: dispatch a call as `Root` ([`Pallet::dispatch_as_root`]).
		Emergency,
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
	ensure_custom_origin!(Emergency);
}
