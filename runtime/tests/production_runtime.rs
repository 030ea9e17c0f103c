//! The runtime a real network runs: built without `fast-runtime`, it has the real
//! governance periods on every chain, whatever the chain spec says. `scripts/test.sh`
//! runs this file in a build of its own (`SKIP_WASM_BUILD=1 cargo test -p
//! poseidon-runtime --test production_runtime`); in the dev features' build it is empty.

#![cfg(not(feature = "fast-runtime"))]

mod common;

use common::preset_ext;
use pallet_referenda::TracksInfo;
use poseidon_runtime::{
	governance::tracks::{Tracks, NORMAL_TRACKS, REVENUE_SPLIT},
	Runtime, DAYS, FAST_RUNTIME,
};

#[test]
fn every_preset_runs_the_real_network_tracks_and_vote_locks() {
	assert!(!FAST_RUNTIME);
	for preset in ["development", "local_testnet", "production"] {
		preset_ext(preset).execute_with(|| {
			let tracks: Vec<_> = Tracks::tracks().map(|track| track.into_owned()).collect();
			assert_eq!(tracks, NORMAL_TRACKS.to_vec(), "{preset} uses the real tracks");
			assert_eq!(Tracks::info(REVENUE_SPLIT).unwrap().decision_period, 7 * DAYS);
			let vote_locking_period = <Runtime as pallet_conviction_voting::Config>::VoteLockingPeriod::get();
			assert_eq!(vote_locking_period, 7 * DAYS, "{preset} locks votes for a week per step");
		});
	}
}
