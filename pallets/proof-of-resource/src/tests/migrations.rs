//! Storage migrations: a chain whose storage an older build wrote keeps its data when it
//! upgrades, and a chain already at the new version is left alone.

use crate::{
	migrations::v1::{v0, CounterForMiners, MigrateV0ToV1},
	mock::*,
	Miners, PowerPerUnit, ResourceWeights,
};
use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use sp_runtime::StateVersion;

/// Runs the migration, with its pre- and post-upgrade checks when they are compiled in.
fn upgrade() {
	#[cfg(feature = "try-runtime")]
	assert_ok!(MigrateV0ToV1::<Test>::try_on_runtime_upgrade(true));
	#[cfg(not(feature = "try-runtime"))]
	MigrateV0ToV1::<Test>::on_runtime_upgrade();
}

/// Rewrites the pallet's storage as a version-0 build left it: the resource weights
/// under their old name, the miners counted by hand, storage version 0.
fn as_version_0() {
	let weights = PowerPerUnit::<Test>::take();
	v0::Weights::<Test>::put(weights);
	v0::MinerCount::<Test>::put(CounterForMiners::<Test>::take());
	StorageVersion::new(0).put::<ProofOfResource>();
}

#[test]
fn a_version_0_chain_keeps_its_resource_weights_and_miner_count() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(BOB), profile()));
		let custom = ResourceWeights { per_bandwidth_byte: 3, per_cpu_second: 5, per_storage_gib_hour: 7 };
		PowerPerUnit::<Test>::put(custom);
		as_version_0();
		assert_eq!(PowerPerUnit::<Test>::get(), ResourceWeights::default(), "version 1 cannot read the old name");
		assert_eq!(Miners::<Test>::count(), 0, "nor the old counter");

		upgrade();

		assert_eq!(PowerPerUnit::<Test>::get(), custom);
		assert_eq!(Miners::<Test>::count(), 2);
		assert_eq!(v0::Weights::<Test>::get(), None);
		assert_eq!(v0::MinerCount::<Test>::get(), None);
		assert_eq!(ProofOfResource::on_chain_storage_version(), 1);
	});
}

#[test]
fn the_migration_leaves_a_chain_at_version_1_alone() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		StorageVersion::new(1).put::<ProofOfResource>();
		let before = sp_io::storage::root(StateVersion::V1);
		upgrade();
		assert_eq!(sp_io::storage::root(StateVersion::V1), before);
		assert_eq!(Miners::<Test>::count(), 1);
	});
}

#[test]
fn the_migration_runs_only_once() {
	build_and_execute(|| {
		assert_ok!(ProofOfResource::register_miner(RuntimeOrigin::signed(ALICE), profile()));
		as_version_0();
		upgrade();
		let after_first = sp_io::storage::root(StateVersion::V1);
		upgrade();
		assert_eq!(sp_io::storage::root(StateVersion::V1), after_first);
		assert_eq!(Miners::<Test>::count(), 1);
	});
}
