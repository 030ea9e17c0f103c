//! The checks `try-runtime` runs before an upgrade is enacted, on the real runtime
//! (`Executive::try_runtime_upgrade`: every migration in `Migrations` and in the pallets
//! with its pre- and post-upgrade checks, then every pallet's `try_state`): on a chain
//! this build started, where no migration has anything to do, and on a chain an older
//! build left behind, whose data the migrations must carry over.
//!
//! Needs the runtime's `try-runtime` feature (scripts/test.sh runs it in its
//! try-runtime step).

#![cfg(feature = "try-runtime")]

use codec::Encode;
use crate::common::{miner_profile, preset_ext, run_to_block, signed, start_block};
use frame_support::traits::{GetStorageVersion, StorageVersion, UpgradeCheckSelect};
use pallet_proof_of_resource::{Miners, PowerPerUnit, ResourceWeights};
use poseidon_runtime::{Executive, ProofOfResource, Runtime, RuntimeCall};
use sp_keyring::Sr25519Keyring::{self, Charlie, Dave};

fn register(miner: Sr25519Keyring) {
	let call = RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::register_miner { profile: miner_profile() });
	Executive::apply_extrinsic(signed(call, miner, 0, 0))
		.expect("the transaction is valid")
		.expect("the registration succeeds");
}

/// The key of a storage value `item` of the proof-of-resource pallet.
fn value_key(item: &str) -> Vec<u8> {
	[sp_io::hashing::twox_128(b"ProofOfResource"), sp_io::hashing::twox_128(item.as_bytes())].concat()
}

#[test]
fn the_upgrade_checks_pass_on_a_chain_this_build_started() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		register(Charlie);
		run_to_block(3);
		assert_eq!(ProofOfResource::on_chain_storage_version(), 1, "genesis writes the in-code version");
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("the checks pass");
		assert!(weight.ref_time() > 0);
		// Charlie and Alice, a miner from genesis.
		assert_eq!(Miners::<Runtime>::count(), 2);
	});
}

#[test]
fn a_chain_an_older_build_left_is_migrated_and_keeps_its_data() {
	preset_ext("development").execute_with(|| {
		start_block(1, 1);
		register(Charlie);
		register(Dave);
		run_to_block(3);
		// The storage as a build of storage version 0 wrote it: the resource weights as
		// `Weights`, the miners counted by hand in `MinerCount`.
		let custom = ResourceWeights { per_bandwidth_byte: 2, per_cpu_second: 3_000_000, per_storage_gib_hour: 9 };
		sp_io::storage::clear(&value_key("PowerPerUnit"));
		sp_io::storage::set(&value_key("Weights"), &custom.encode());
		sp_io::storage::clear(&value_key("CounterForMiners"));
		// Alice (from genesis), Charlie and Dave.
		sp_io::storage::set(&value_key("MinerCount"), &3u32.encode());
		StorageVersion::new(0).put::<ProofOfResource>();
		assert_eq!(Miners::<Runtime>::count(), 0);

		Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("the migration and its checks pass");

		assert_eq!(ProofOfResource::on_chain_storage_version(), 1);
		assert_eq!(PowerPerUnit::<Runtime>::get(), custom);
		assert_eq!(Miners::<Runtime>::count(), 3);
		assert_eq!(sp_io::storage::get(&value_key("Weights")), None);
		assert_eq!(sp_io::storage::get(&value_key("MinerCount")), None);
	});
}
