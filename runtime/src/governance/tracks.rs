//! The referendum tracks: `root` (runtime upgrades, and the calls that could redirect
//! money or weaken the checks on miners: the treasury account, the era length, the
//! resource weights, the capacity cap; and anything else), `revenue_split`
//! (`revenue.setSplit`), `network_params` (deposit plans, supernode election parameters,
//! the bonds), and
//! `referendum_canceller` / `referendum_killer`, which stop a referendum in progress
//! (with a decision period of seven days and a short confirmation, so that they can end
//! before the referendum they stop), and `emergency`, the fast path to `Root` (a call
//! dispatched with `origins.dispatch_as_root`): a two-thirds majority and a fifth of all
//! QAS in support at the least, confirmed in an hour.
//!
//! The `root` track decides three referenda at once, so a junk referendum (whose
//! deposits are returned when it fails) cannot hold it for its two weeks alone; and a
//! fix that cannot wait goes through `emergency`, which no referendum without broad
//! backing can pass or hold.
//!
//! Every track lets approval (aye share of conviction-weighted votes) fall linearly from
//! 100 % to 50 % over the decision period and support (aye QAS, before conviction, as a
//! share of all QAS) from its ceiling to its floor. The runtime a real network runs uses
//! [`NORMAL_TRACKS`]; one built with the `fast-runtime` feature (the dev node's, see
//! [`tracks_of`]) uses [`SHORT_TRACKS`], whose periods are blocks instead of
//! days, so a referendum passes in a few minutes. The choice is made when the runtime is
//! compiled, not by any storage a genesis or a referendum could set, so a production
//! runtime cannot be given test periods, and the metadata (which lists the tracks)
//! describes the tracks the chain really uses.

use super::origins::pallet_custom_origins;
use crate::{Balance, BlockNumber, OriginCaller, DAYS, HOURS, MINUTES, QAS};
use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as name, Perbill};

/// Number of a track.
pub type TrackId = u16;

/// The `root` track.
pub const ROOT: TrackId = 0;
/// The `revenue_split` track.
pub const REVENUE_SPLIT: TrackId = 1;
/// The `network_params` track.
pub const NETWORK_PARAMS: TrackId = 2;
/// The `referendum_canceller` track.
pub const REFERENDUM_CANCELLER: TrackId = 3;
/// The `referendum_killer` track.
pub const REFERENDUM_KILLER: TrackId = 4;
/// The `emergency` track.
pub const EMERGENCY: TrackId = 5;

const fn linear(ceil: u32, floor: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_percent(floor),
		ceil: Perbill::from_percent(ceil),
	}
}

/// Approval from a unanimous aye down to a simple majority.
const APPROVAL: Curve = linear(100, 50);

/// Approval of the `emergency` track: never less than two thirds.
const SUPERMAJORITY: Curve = Curve::LinearDecreasing {
	length: Perbill::from_percent(100),
	floor: Perbill::from_parts(666_666_667),
	ceil: Perbill::from_percent(100),
};

type PoseidonTrack = Track<TrackId, Balance, BlockNumber>;

/// Periods and deposits of a real network (6-second blocks).
pub static NORMAL_TRACKS: [PoseidonTrack; 6] = [
	Track {
		id: ROOT,
		info: TrackInfo {
			name: name("root"),
			max_deciding: 3,
			decision_deposit: 100_000 * QAS,
			prepare_period: 2 * HOURS,
			decision_period: 14 * DAYS,
			confirm_period: DAYS,
			min_enactment_period: DAYS,
			min_approval: APPROVAL,
			min_support: linear(50, 5),
		},
	},
	Track {
		id: REVENUE_SPLIT,
		info: TrackInfo {
			name: name("revenue_split"),
			max_deciding: 5,
			decision_deposit: 10_000 * QAS,
			prepare_period: HOURS,
			decision_period: 7 * DAYS,
			confirm_period: 12 * HOURS,
			min_enactment_period: DAYS,
			min_approval: APPROVAL,
			min_support: linear(20, 1),
		},
	},
	Track {
		id: NETWORK_PARAMS,
		info: TrackInfo {
			name: name("network_params"),
			max_deciding: 5,
			decision_deposit: 10_000 * QAS,
			prepare_period: HOURS,
			decision_period: 7 * DAYS,
			confirm_period: 12 * HOURS,
			min_enactment_period: 6 * HOURS,
			min_approval: APPROVAL,
			min_support: linear(20, 1),
		},
	},
	stop_track(REFERENDUM_CANCELLER, name("referendum_canceller"), 10_000 * QAS),
	// Killing burns the killed referendum's deposits: it asks more of its proposer.
	stop_track(REFERENDUM_KILLER, name("referendum_killer"), 50_000 * QAS),
	Track {
		id: EMERGENCY,
		info: TrackInfo {
			name: name("emergency"),
			max_deciding: 5,
			decision_deposit: 200_000 * QAS,
			prepare_period: 10 * MINUTES,
			decision_period: 7 * DAYS,
			confirm_period: HOURS,
			min_enactment_period: 10 * MINUTES,
			min_approval: SUPERMAJORITY,
			min_support: linear(50, 20),
		},
	},
];

/// A track that stops referenda in progress (real periods): decided within the seven
/// days of the other custom tracks, confirmed in three hours, enacted ten minutes later.
const fn stop_track(id: TrackId, name: [u8; 25], decision_deposit: Balance) -> PoseidonTrack {
	Track {
		id,
		info: TrackInfo {
			name,
			max_deciding: 10,
			decision_deposit,
			prepare_period: HOURS,
			decision_period: 7 * DAYS,
			confirm_period: 3 * HOURS,
			min_enactment_period: 10 * MINUTES,
			min_approval: APPROVAL,
			min_support: linear(10, 1),
		},
	}
}

/// The same tracks with periods of a few blocks and small deposits, for test chains.
pub static SHORT_TRACKS: [PoseidonTrack; 6] = [
	short(ROOT, name("root"), 3),
	short(REVENUE_SPLIT, name("revenue_split"), 5),
	short(NETWORK_PARAMS, name("network_params"), 5),
	short(REFERENDUM_CANCELLER, name("referendum_canceller"), 10),
	short(REFERENDUM_KILLER, name("referendum_killer"), 10),
	short(EMERGENCY, name("emergency"), 5),
];

const fn short(id: TrackId, name: [u8; 25], max_deciding: u32) -> PoseidonTrack {
	Track {
		id,
		info: TrackInfo {
			name,
			max_deciding,
			decision_deposit: 1_000 * QAS,
			prepare_period: 2,
			decision_period: 30,
			confirm_period: 3,
			min_enactment_period: 1,
			min_approval: APPROVAL,
			min_support: linear(10, 1),
		},
	}
}

/// The tracks of a runtime built with the `fast-runtime` feature (`true`: the dev node's)
/// or without it (`false`: a real network's). [`Tracks`] uses the one of this build,
/// [`crate::FAST_RUNTIME`]; both are compiled into every build, so a test can check the
/// real network's table in a `fast-runtime` build.
pub const fn tracks_of(fast_runtime: bool) -> &'static [PoseidonTrack] {
	if fast_runtime {
		&SHORT_TRACKS
	} else {
		&NORMAL_TRACKS
	}
}

/// The tracks, for `pallet-referenda`.
pub struct Tracks;

impl pallet_referenda::TracksInfo<Balance, BlockNumber> for Tracks {
	type Id = TrackId;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, PoseidonTrack>> {
		tracks_of(crate::FAST_RUNTIME).iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(ROOT),
			OriginCaller::Origins(pallet_custom_origins::Origin::RevenueSplit) => Ok(REVENUE_SPLIT),
			OriginCaller::Origins(pallet_custom_origins::Origin::NetworkParams) => Ok(NETWORK_PARAMS),
			OriginCaller::Origins(pallet_custom_origins::Origin::ReferendumCanceller) =>
				Ok(REFERENDUM_CANCELLER),
			OriginCaller::Origins(pallet_custom_origins::Origin::ReferendumKiller) =>
				Ok(REFERENDUM_KILLER),
			OriginCaller::Origins(pallet_custom_origins::Origin::Emergency) => Ok(EMERGENCY),
			_ => Err(()),
		}
	}
}
