//! The chain as the agent sees it: typed reads of storage and runtime APIs, and signed
//! submissions, all with the runtime's own Rust types.
//!
//! The agent is built from the same runtime crate as the node. Before it signs anything
//! it checks that the chain's `transaction_version` is the one it was built with: a
//! runtime upgrade that changes how calls are encoded stops the agent with a clear
//! message (rebuild it) instead of letting it sign calls the chain would misread.

use crate::rpc::{Rpc, RpcError};
use codec::{Decode, Encode};
use frame_support::traits::{Get, PalletInfo as _};
use pallet_proof_of_resource::{CapacityLimits, EraState, Miner, ProofRecord};
use poseidon_primitives::{era::EraIndex, AccountId, Balance, BlockNumber, Nonce};
use poseidon_runtime::{
	configs::parameters::{
		dynamic_params::{bonds, capacity},
		RuntimeParametersKey,
	},
	Runtime, RuntimeCall, RuntimeEvent, UncheckedExtrinsic,
};
use serde_json::{json, Value};
use sp_core::{crypto::Ss58Codec, sr25519, Pair, H256};
use sp_runtime::{generic::Era, DispatchError};

/// Blocks a signed transaction stays valid: long enough to survive a slow block or two,
/// short enough that one lost in a restart is known to be dead soon after.
pub const MORTALITY: u64 = 64;

/// The best block.
#[derive(Clone, Copy, Debug)]
pub struct Head {
	pub number: BlockNumber,
	pub hash: H256,
}

/// A connection to a node.
pub struct Chain {
	rpc: Rpc,
	pub genesis: H256,
}

fn hex_bytes(value: &str) -> Result<Vec<u8>, RpcError> {
	hex::decode(value.trim_start_matches("0x")).map_err(|e| RpcError::Transport(format!("bad hex from node: {e}")))
}

fn parse_number(value: &Value) -> Result<BlockNumber, RpcError> {
	let text = value.as_str().ok_or_else(|| RpcError::Transport("block number missing".into()))?;
	BlockNumber::from_str_radix(text.trim_start_matches("0x"), 16)
		.map_err(|e| RpcError::Transport(format!("bad block number {text}: {e}")))
}

/// A dispatch error by name (`ProofOfResource.DuplicateProof`) when it comes from a
/// pallet the agent calls, otherwise as the chain gave it.
pub fn describe(error: &DispatchError) -> String {
	/// `Pallet.Error` if the error is pallet `P`'s and decodes as its `E`.
	fn named<P: 'static, E: Decode + Into<&'static str>>(name: &str, index: u8, bytes: &[u8; 4]) -> Option<String> {
		let pallet = <Runtime as frame_system::Config>::PalletInfo::index::<P>()?;
		(pallet == index as usize)
			.then(|| E::decode(&mut &bytes[..]).ok())
			.flatten()
			.map(|e| format!("{name}.{}", e.into()))
	}
	if let DispatchError::Module(m) = error {
		let known = named::<poseidon_runtime::ProofOfResource, pallet_proof_of_resource::Error<Runtime>>(
			"ProofOfResource",
			m.index,
			&m.error,
		)
		.or_else(|| named::<poseidon_runtime::Revenue, pallet_revenue::Error<Runtime>>("Revenue", m.index, &m.error));
		if let Some(known) = known {
			return known;
		}
	}
	format!("{error:?}")
}

/// What the agent needs from a node. [`Chain`] is the real one; the agent's tests use
/// an in-memory chain that follows the pallet's rules.
pub trait Node {
	fn best_head(&self) -> Result<Head, RpcError>;
	fn era_clock(&self, at: H256) -> Result<EraState<BlockNumber>, RpcError>;
	fn miner(&self, who: &AccountId, at: H256) -> Result<Option<Miner<Balance>>, RpcError>;
	fn proof(&self, era: EraIndex, who: &AccountId, at: H256) -> Result<Option<ProofRecord>, RpcError>;
	/// The account's nonce in block `at`: transactions included so far.
	fn account_nonce(&self, who: &AccountId, at: H256) -> Result<Nonce, RpcError>;
	/// The governable capacity cap in force.
	fn max_capacity(&self, at: H256) -> Result<CapacityLimits, RpcError>;
	/// The bond a registration holds now (governable, never below what proving needs).
	fn miner_bond(&self, at: H256) -> Result<Balance, RpcError>;
	fn free_balance(&self, who: &AccountId, at: H256) -> Result<Balance, RpcError>;
	/// Settled eras `who` has not claimed yet, with their amounts (`RevenueApi`).
	fn claimable(&self, who: &AccountId, at: H256) -> Result<Vec<(EraIndex, Balance)>, RpcError>;
	/// The next nonce to sign with, counting the account's transactions in the pool.
	fn next_nonce(&self, who: &AccountId) -> Result<Nonce, RpcError>;
	/// Signs `call` with `nonce`, mortal from `head` for [`MORTALITY`] blocks.
	fn sign(&self, pair: &sr25519::Pair, call: RuntimeCall, nonce: Nonce, head: Head) -> Result<Vec<u8>, RpcError>;
	/// Sends a signed extrinsic. Sending one the pool already holds is not an error.
	fn submit(&self, extrinsic_hex: &str) -> Result<(), RpcError>;
	/// Looks for `extrinsic` in blocks `from..=to` and returns the block and its
	/// outcome: `Ok` or the dispatch error by name.
	fn find_outcome(
		&self,
		extrinsic_hex: &str,
		from: BlockNumber,
		to: BlockNumber,
	) -> Result<Option<(BlockNumber, Result<(), String>)>, RpcError>;
}

impl Chain {
	/// Connects to the node at `url` and checks that it runs a runtime whose calls this
	/// agent encodes correctly.
	pub fn connect(url: &str) -> Result<Self, RpcError> {
		let rpc = Rpc::new(url).map_err(RpcError::Transport)?;
		let genesis: String = rpc.call("chain_getBlockHash", json!([0]))?;
		let chain = Self { rpc, genesis: H256::from_slice(&hex_bytes(&genesis)?) };
		chain.check_runtime()?;
		Ok(chain)
	}

	/// `(spec_version, transaction_version)` of the chain's runtime, after checking the
	/// transaction version.
	pub fn check_runtime(&self) -> Result<(u32, u32), RpcError> {
		let version: Value = self.rpc.call("state_getRuntimeVersion", json!([]))?;
		let get = |name: &str| version.get(name).and_then(Value::as_u64).map(|v| v as u32);
		let (Some(spec), Some(tx)) = (get("specVersion"), get("transactionVersion")) else {
			return Err(RpcError::Transport("the node's runtime version is unreadable".into()));
		};
		let built_with = poseidon_runtime::VERSION.transaction_version;
		if tx != built_with {
			return Err(RpcError::Transport(format!(
				"the chain's transaction_version is {tx}, this agent was built for {built_with}: \
				 rebuild poseidon-miner from the release the chain runs"
			)));
		}
		Ok((spec, tx))
	}

	fn storage<T: Decode>(&self, key: Vec<u8>, at: H256) -> Result<Option<T>, RpcError> {
		let value: Option<String> =
			self.rpc.call("state_getStorage", json!([format!("0x{}", hex::encode(key)), format!("{at:?}")]))?;
		value
			.map(|v| {
				T::decode(&mut &hex_bytes(&v)?[..])
					.map_err(|e| RpcError::Transport(format!("storage value does not decode: {e}")))
			})
			.transpose()
	}

	/// `who`'s nonce and QQQ balances in block `at` (all zero for an unknown account).
	fn account(
		&self,
		who: &AccountId,
		at: H256,
	) -> Result<frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>, RpcError> {
		Ok(self.storage(frame_system::Account::<Runtime>::hashed_key_for(who), at)?.unwrap_or_default())
	}

	/// Runs `read`, a getter of the runtime's config, against the chain's value of
	/// governance parameter `key`: the runtime's own code decides what the value in
	/// force is (its default when never set, its floors), not a copy of it here.
	fn with_parameter<R>(&self, key: RuntimeParametersKey, at: H256, read: fn() -> R) -> Result<R, RpcError> {
		let storage_key = pallet_parameters::Parameters::<Runtime>::hashed_key_for(key);
		let value: Option<String> =
			self.rpc.call("state_getStorage", json!([format!("0x{}", hex::encode(&storage_key)), format!("{at:?}")]))?;
		let mut externalities = sp_io::TestExternalities::default();
		if let Some(value) = value {
			externalities.insert(storage_key, hex_bytes(&value)?);
		}
		Ok(externalities.execute_with(read))
	}
}

impl Node for Chain {
	fn best_head(&self) -> Result<Head, RpcError> {
		let hash: String = self.rpc.call("chain_getBlockHash", json!([]))?;
		let header: Value = self.rpc.call("chain_getHeader", json!([hash]))?;
		Ok(Head { number: parse_number(&header["number"])?, hash: H256::from_slice(&hex_bytes(&hash)?) })
	}

	fn era_clock(&self, at: H256) -> Result<EraState<BlockNumber>, RpcError> {
		self.storage(pallet_proof_of_resource::Era::<Runtime>::hashed_key().to_vec(), at)?
			.ok_or_else(|| RpcError::Transport("the chain has no era clock".into()))
	}

	fn miner(&self, who: &AccountId, at: H256) -> Result<Option<Miner<Balance>>, RpcError> {
		self.storage(pallet_proof_of_resource::Miners::<Runtime>::hashed_key_for(who), at)
	}

	fn proof(&self, era: EraIndex, who: &AccountId, at: H256) -> Result<Option<ProofRecord>, RpcError> {
		self.storage(pallet_proof_of_resource::Proofs::<Runtime>::hashed_key_for(era, who), at)
	}

	fn account_nonce(&self, who: &AccountId, at: H256) -> Result<Nonce, RpcError> {
		Ok(self.account(who, at)?.nonce)
	}

	fn max_capacity(&self, at: H256) -> Result<CapacityLimits, RpcError> {
		let key = RuntimeParametersKey::Capacity(capacity::ParametersKey::MaxCapacity(capacity::MaxCapacity));
		self.with_parameter(key, at, <Runtime as pallet_proof_of_resource::Config>::MaxCapacity::get)
	}

	fn miner_bond(&self, at: H256) -> Result<Balance, RpcError> {
		let key = RuntimeParametersKey::Bonds(bonds::ParametersKey::MinerBond(bonds::MinerBond));
		self.with_parameter(key, at, <Runtime as pallet_proof_of_resource::Config>::MinerBond::get)
	}

	fn free_balance(&self, who: &AccountId, at: H256) -> Result<Balance, RpcError> {
		Ok(self.account(who, at)?.data.free)
	}

	fn claimable(&self, who: &AccountId, at: H256) -> Result<Vec<(EraIndex, Balance)>, RpcError> {
		let data = format!("0x{}", hex::encode(who.encode()));
		let result: String =
			self.rpc.call("state_call", json!(["RevenueApi_claimable_rewards", data, format!("{at:?}")]))?;
		Vec::<(EraIndex, Balance)>::decode(&mut &hex_bytes(&result)?[..])
			.map_err(|e| RpcError::Transport(format!("RevenueApi answer does not decode: {e}")))
	}

	fn next_nonce(&self, who: &AccountId) -> Result<Nonce, RpcError> {
		self.rpc.call("system_accountNextIndex", json!([who.to_ss58check()]))
	}

	fn sign(&self, pair: &sr25519::Pair, call: RuntimeCall, nonce: Nonce, head: Head) -> Result<Vec<u8>, RpcError> {
		let (spec_version, tx_version) = self.check_runtime()?;
		let era = Era::mortal(MORTALITY, u64::from(head.number));
		let extension: poseidon_runtime::TxExtension = (
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(era),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let implicit = ((), spec_version, tx_version, self.genesis, head.hash, (), (), (), None, ());
		let payload = poseidon_runtime::SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| pair.sign(bytes));
		let account = AccountId::from(pair.public());
		let extrinsic = UncheckedExtrinsic::new_signed(
			call,
			account.into(),
			poseidon_runtime::Signature::Sr25519(signature),
			extension,
		);
		Ok(extrinsic.encode())
	}

	fn submit(&self, extrinsic_hex: &str) -> Result<(), RpcError> {
		match self.rpc.call::<String>("author_submitExtrinsic", json!([extrinsic_hex])) {
			Ok(_) => Ok(()),
			// 1013: already imported; 1014: a transaction with this nonce is in the pool.
			Err(RpcError::Call { code: 1013 | 1014, .. }) => Ok(()),
			Err(e) => Err(e),
		}
	}

	fn find_outcome(
		&self,
		extrinsic_hex: &str,
		from: BlockNumber,
		to: BlockNumber,
	) -> Result<Option<(BlockNumber, Result<(), String>)>, RpcError> {
		for number in from..=to {
			let hash: Option<String> = self.rpc.call("chain_getBlockHash", json!([number]))?;
			let Some(hash) = hash else { break };
			let block: Value = self.rpc.call("chain_getBlock", json!([hash]))?;
			let extrinsics = block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
			let Some(index) = extrinsics.iter().position(|x| x.as_str() == Some(extrinsic_hex)) else { continue };
			let at = H256::from_slice(&hex_bytes(&hash)?);
			let mut key = sp_io::hashing::twox_128(b"System").to_vec();
			key.extend(sp_io::hashing::twox_128(b"Events"));
			let events: Vec<frame_system::EventRecord<RuntimeEvent, H256>> =
				self.storage(key, at)?.unwrap_or_default();
			let outcome = events
				.iter()
				.filter(|r| r.phase == frame_system::Phase::ApplyExtrinsic(index as u32))
				.find_map(|r| match &r.event {
					RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. }) => Some(Ok(())),
					RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { dispatch_error, .. }) =>
						Some(Err(describe(dispatch_error))),
					_ => None,
				})
				.unwrap_or(Err("no outcome event".into()));
			return Ok(Some((number, outcome)));
		}
		Ok(None)
	}
}

/// The key pair from a secret URI (`//Alice`, a mnemonic, `0x` seed, with derivations).
pub fn pair_from_suri(suri: &str) -> Result<sr25519::Pair, String> {
	sr25519::Pair::from_string(suri.trim(), None).map_err(|e| format!("invalid secret URI: {e:?}"))
}

/// The key pair from a file holding a secret URI; warns if others may read it.
pub fn pair_from_key_file(path: &std::path::Path) -> Result<sr25519::Pair, String> {
	#[cfg(unix)]
	if let Ok(meta) = std::fs::metadata(path) {
		use std::os::unix::fs::PermissionsExt;
		if meta.permissions().mode() & 0o077 != 0 {
			tracing::warn!("{} can be read by other users; chmod 600 it", path.display());
		}
	}
	let suri = std::fs::read_to_string(path).map_err(|e| format!("cannot read key file {}: {e}", path.display()))?;
	pair_from_suri(&suri)
}
