//! The governance periods of the runtime a real network runs. A build without
//! `fast-runtime` takes them from the same `const fn`s as this one, given `false`
//! (`tracks_of`, `vote_locking_period_of`), so they are checked here, in the tests' own
//! build, rather than in a second native build of the runtime: the real tracks and vote
//! locks are a week per decision and per conviction step, and this build's choice is the
//! one its `FAST_RUNTIME` flag names, whatever the preset.

use crate::common::preset_ext;
use pallet_referenda::TracksInfo;
use poseidon_runtime::{
	configs::governance::vote_locking_period_of,
	governance::tracks::{tracks_of, Tracks, NORMAL_TRACKS, REVENUE_SPLIT, SHORT_TRACKS},
	Runtime, DAYS, FAST_RUNTIME,
};

#[test]
fn a_real_network_runtime_has_week_long_decisions_and_vote_locks() {
	assert_eq!(tracks_of(false), &NORMAL_TRACKS[..]);
	let revenue_split = tracks_of(false).iter().find(|track| track.id == REVENUE_SPLIT).unwrap();
	assert_eq!(revenue_split.info.decision_period, 7 * DAYS);
	assert_eq!(vote_locking_period_of(false), 7 * DAYS);
	// The dev node's periods are blocks, not days: never the real network's.
	assert_eq!(tracks_of(true), &SHORT_TRACKS[..]);
	assert_ne!(tracks_of(true), tracks_of(false));
	assert!(vote_locking_period_of(true) < DAYS);
}

#[test]
fn every_preset_runs_the_tracks_and_vote_locks_its_build_compiled_in() {
	assert_eq!(FAST_RUNTIME, cfg!(feature = "fast-runtime"));
	for preset in ["development", "local_testnet", "production"] {
		preset_ext(preset).execute_with(|| {
			let tracks: Vec<_> = Tracks::tracks().map(|track| track.into_owned()).collect();
			assert_eq!(tracks, tracks_of(FAST_RUNTIME).to_vec(), "{preset} uses its build's tracks");
			let vote_locking_period = <Runtime as pallet_conviction_voting::Config>::VoteLockingPeriod::get();
			assert_eq!(vote_locking_period, vote_locking_period_of(FAST_RUNTIME), "{preset}'s vote locks");
		});
	}
}

/// The attack on the old bound: any era of ten blocks or more was accepted, so whoever
/// could set the era length (a `network_params` referendum then, `Root` now) could shrink
/// the challenge window, the time supernodes have to reject a fraudulent proof, to a few
/// blocks. A real network's runtime refuses eras under four hours: its challenge window
/// (the second quarter of the next era) lasts at least an hour.
#[test]
fn a_real_network_runtime_keeps_a_challenge_window_of_at_least_an_hour() {
	use poseidon_primitives::{era::challenge_blocks, time::HOURS};
	use poseidon_runtime::configs::proof_of_resource::{min_era_length_of, MinEraLength};
	assert!(challenge_blocks(min_era_length_of(false)) >= HOURS);
	// The dev chains' one-minute eras exist only in the `fast-runtime` build.
	assert_eq!(min_era_length_of(true), 10);
	assert_eq!(MinEraLength::get(), min_era_length_of(FAST_RUNTIME));
	for preset in ["development", "local_testnet", "production"] {
		preset_ext(preset).execute_with(|| {
			let era = poseidon_runtime::ProofOfResource::era_state();
			assert!(era.length >= MinEraLength::get(), "{preset}'s eras are at least the floor");
			// Even Root cannot go below it.
			assert_eq!(
				poseidon_runtime::ProofOfResource::set_era_length(
					frame_system::RawOrigin::Root.into(),
					MinEraLength::get() - 1
				),
				Err(pallet_proof_of_resource::Error::<Runtime>::EraLengthOutOfBounds.into())
			);
		});
	}
}
