//! Helpers shared by the runtime's native tests: genesis from a preset, blocks authored
//! by a dev validator, and transactions signed like a wallet signs them.

#![allow(dead_code)]

use codec::Encode;
use pallet_proof_of_resource::MinerProfile;
use poseidon_runtime::{
	genesis_config_presets, AccountId, Executive, Header, Runtime, RuntimeCall,
	RuntimeGenesisConfig, RuntimeOrigin, SignedPayload, TxExtension, UncheckedExtrinsic, VERSION,
};
use serde_json::Value;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::Header as _,
	BuildStorage,
};

/// RFC 7386 JSON merge patch, the way the node applies a preset to the default genesis.
pub fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) =>
			for (key, value) in patch {
				if value.is_null() {
					base.remove(&key);
				} else {
					merge(base.entry(key).or_insert(Value::Null), value);
				}
			},
		(base, patch) => *base = patch,
	}
}

/// The full genesis config of preset `name`: the default config with the preset merged in.
pub fn preset_config(name: &str) -> RuntimeGenesisConfig {
	let patch: Value = serde_json::from_slice(
		&genesis_config_presets::get_preset(&name.into()).expect("the preset exists"),
	)
	.expect("a preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	serde_json::from_value(config).expect("the merged preset is a complete genesis config")
}

/// Externalities holding the genesis state of preset `name`.
pub fn preset_ext(name: &str) -> sp_io::TestExternalities {
	let storage = preset_config(name).build_storage().expect("the preset builds a genesis");
	sp_io::TestExternalities::new(storage)
}

/// Starts block `number` authored in Aura slot `slot` (on a single-validator dev chain
/// every slot is Alice's).
pub fn start_block(number: u32, slot: u64) {
	let parent_hash = if number > 1 {
		frame_system::Pallet::<Runtime>::parent_hash()
	} else {
		frame_system::BlockHash::<Runtime>::get(0)
	};
	let digest = Digest {
		logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
	};
	let header = Header::new(number, Default::default(), Default::default(), parent_hash, digest);
	Executive::initialize_block(&header);
	pallet_timestamp::Pallet::<Runtime>::set(
		frame_system::RawOrigin::None.into(),
		slot * poseidon_runtime::SLOT_DURATION,
	)
	.expect("the timestamp inherent applies");
}

/// Finishes the current block and starts the next ones up to `number`, each in the next
/// slot a validator may author ([`next_slot`]): from `start_block(1, 1)` on, the slot of
/// its number until a validator is disabled.
pub fn run_to_block(number: u32) {
	let mut now = frame_system::Pallet::<Runtime>::block_number();
	while now < number {
		Executive::finalize_block();
		now += 1;
		start_block(now, next_slot());
	}
}

/// The first slot after the current block's whose Aura author is not disabled: Aura gives
/// slot `s` to authority `s mod n`, and `pallet-aura` refuses a block of a disabled one, so
/// a real chain has no block in those slots.
pub fn next_slot() -> u64 {
	use frame_support::traits::DisabledValidators;
	let authorities = pallet_aura::Authorities::<Runtime>::decode_len().unwrap_or(1).max(1) as u64;
	let mut slot = u64::from(pallet_aura::CurrentSlot::<Runtime>::get()) + 1;
	for _ in 0..authorities {
		if !pallet_session::Pallet::<Runtime>::is_disabled((slot % authorities) as u32) {
			break;
		}
		slot += 1;
	}
	slot
}

/// A transaction of `call` from `signer`, immortal, with `tip`, signed the way wallets
/// sign (every transaction extension of the runtime, metadata hash check disabled).
pub fn signed(call: RuntimeCall, signer: Sr25519Keyring, nonce: u32, tip: u128) -> UncheckedExtrinsic {
	signed_by(call, &signer.pair(), nonce, tip)
}

/// As [`signed`], by a key pair the caller keeps: `Sr25519Keyring::pair` stretches the dev
/// phrase on every call, which would dominate a test that signs many transactions.
pub fn signed_by(
	call: RuntimeCall,
	signer: &sp_core::sr25519::Pair,
	nonce: u32,
	tip: u128,
) -> UncheckedExtrinsic {
	use sp_core::Pair as _;
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	let genesis = frame_system::BlockHash::<Runtime>::get(0);
	let payload = SignedPayload::from_raw(
		call.clone(),
		extension.clone(),
		(
			(),
			VERSION.spec_version,
			VERSION.transaction_version,
			genesis,
			genesis,
			(),
			(),
			(),
			None,
			(),
		),
	);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		AccountId::from(signer.public()).into(),
		signature.into(),
		extension,
	)
}

/// QQQ free balance of `who`.
pub fn qqq(who: &AccountId) -> u128 {
	pallet_balances::Pallet::<Runtime>::free_balance(who)
}

/// QAS free balance of `who`.
pub fn qas(who: &AccountId) -> u128 {
	pallet_balances::Pallet::<Runtime, pallet_balances::Instance2>::free_balance(who)
}

/// QAS of `who` held as a candidacy bond (a candidate's or a retired one).
pub fn held_qas(who: &AccountId) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	pallet_balances::Pallet::<Runtime, pallet_balances::Instance2>::balance_on_hold(
		&poseidon_runtime::RuntimeHoldReason::Supernodes(pallet_supernodes::HoldReason::CandidacyBond),
		who,
	)
}

/// The fee and tip charged by the last `TransactionFeePaid` event for `who`.
pub fn last_fee_paid_by(who: &AccountId) -> (u128, u128) {
	frame_system::Pallet::<Runtime>::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			poseidon_runtime::RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { who: payer, actual_fee, tip },
			) if &payer == who => Some((actual_fee, tip)),
			_ => None,
		})
		.expect("a fee was paid")
}

/// The origin of a call `who` signs (for calling a pallet directly).
pub fn origin(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// The device profile the runtime tests' miners register with.
pub fn miner_profile() -> MinerProfile {
	MinerProfile { bandwidth_mbps: 1_000, cpu_millicores: 8_000, storage_gib: 2_000, region: 276 }
}

/// The session keys of a dev keyring name: its sr25519 key for Aura, its ed25519 key for
/// GRANDPA.
pub fn session_keys_of(name: sp_keyring::Sr25519Keyring) -> poseidon_runtime::opaque::SessionKeys {
	poseidon_runtime::opaque::SessionKeys { aura: name.public().into(), grandpa: ed25519_of(name).public().into() }
}

/// The ed25519 dev key of the same name as `name`.
fn ed25519_of(name: sp_keyring::Sr25519Keyring) -> sp_keyring::Ed25519Keyring {
	sp_keyring::Ed25519Keyring::iter()
		.find(|key| key.to_seed() == name.to_seed())
		.expect("every sr25519 dev name is an ed25519 dev name; qed")
}

/// `name`'s proof, for `session.set_keys`, that it holds the secrets of
/// [`session_keys_of`]`(name)`: each key signs `"POP_"` followed by its account id.
pub fn ownership_proof_of(name: sp_keyring::Sr25519Keyring) -> Vec<u8> {
	ownership_proof_of_keys(name, name)
}

/// `owner`'s proof, for `session.set_keys`, that it holds the secrets of
/// [`session_keys_of`]`(keys)`: each key signs `"POP_"` followed by `owner`'s account id.
pub fn ownership_proof_of_keys(keys: sp_keyring::Sr25519Keyring, owner: sp_keyring::Sr25519Keyring) -> Vec<u8> {
	let statement = [b"POP_".as_slice(), owner.to_account_id().as_ref()].concat();
	(keys.sign(&statement), ed25519_of(keys).sign(&statement)).encode()
}
