//! The one-shot commands: `status`, `claim`, `deregister`, `withdraw-bond`.
//!
//! Each checks on chain that its transaction can succeed before signing it, so a
//! miner never pays a fee for a call the chain would refuse.

use crate::{
	agent::{claim_call, qqq},
	chain::{Chain, Node},
	rpc::RpcError,
	state::StateFile,
};
use pallet_proof_of_resource::MinerStatus;
use poseidon_primitives::AccountId;
use poseidon_runtime::RuntimeCall;
use sp_core::{crypto::Ss58Codec, sr25519, Pair};
use std::{path::Path, time::Duration};

fn rpc(e: RpcError) -> String {
	e.to_string()
}

/// Prints the miner's registration, proofs, claimable rewards and totals.
pub fn status(chain: &Chain, who: &AccountId, data_dir: Option<&Path>) -> Result<(), String> {
	let head = chain.best_head().map_err(rpc)?;
	let clock = chain.era_clock(head.hash).map_err(rpc)?;
	println!("miner        {}", who.to_ss58check());
	println!("chain        block #{} in era {} (blocks {}..{})", head.number, clock.current, clock.start, clock.start + clock.length);
	println!("free         {}", qqq(chain.free_balance(who, head.hash).map_err(rpc)?));
	match chain.miner(who, head.hash).map_err(rpc)? {
		None => println!("registration not registered"),
		Some(miner) => {
			println!("registration {:?} since era {}", miner.status, miner.registered_in);
			println!("bond         {}", qqq(miner.bond));
			println!("profile      {:?}", miner.profile);
			if let Some((from, next)) = miner.next_profile {
				println!("next profile {next:?} from era {from}");
			}
		},
	}
	for era in [clock.current, clock.current.saturating_sub(1)] {
		match chain.proof(era, who, head.hash).map_err(rpc)? {
			Some(p) => println!("era {era:<8} proof {:?}, power {}{}", p.usage, p.power, if p.rejected { " (REJECTED)" } else { "" }),
			None => println!("era {era:<8} no proof"),
		}
	}
	let claimable = chain.claimable(who, head.hash).map_err(rpc)?;
	let total: u128 = claimable.iter().map(|(_, a)| a).sum();
	println!("claimable    {} in {} eras", qqq(total), claimable.len());
	for (era, amount) in &claimable {
		println!("  era {era:<8} {}", qqq(*amount));
	}
	if let Some(dir) = data_dir {
		let state = StateFile::new(dir).load()?;
		println!(
			"agent        {} proofs sent, last proved era {:?}, {} eras missed, {} claims, {} earned",
			state.proofs_submitted,
			state.last_proven_era,
			state.eras_missed,
			state.claims_made,
			qqq(state.total_claimed)
		);
		if let Some(pending) = state.pending {
			println!("in flight    {:?} (nonce {})", pending.purpose, pending.nonce);
		}
	}
	Ok(())
}

/// Signs and sends `call`, waits for it in a block and reports its outcome.
fn submit_and_wait(chain: &Chain, pair: &sr25519::Pair, call: RuntimeCall) -> Result<(), String> {
	let who = AccountId::from(pair.public());
	let head = chain.best_head().map_err(rpc)?;
	let nonce = chain.next_nonce(&who).map_err(rpc)?;
	let extrinsic = format!("0x{}", hex::encode(chain.sign(pair, call, nonce, head).map_err(rpc)?));
	chain.submit(&extrinsic).map_err(rpc)?;
	for _ in 0..120 {
		std::thread::sleep(Duration::from_secs(1));
		let best = chain.best_head().map_err(rpc)?;
		if chain.account_nonce(&who, best.hash).map_err(rpc)? > nonce {
			return match chain.find_outcome(&extrinsic, head.number, best.number).map_err(rpc)? {
				Some((block, Ok(()))) => Ok(println!("included in block #{block}")),
				Some((block, Err(reason))) => Err(format!("failed in block #{block}: {reason}")),
				None => Err("another transaction of this account used the same nonce".into()),
			};
		}
	}
	Err("not included within two minutes".into())
}

/// Claims every settled era, in batches of the runtime's maximum.
pub fn claim(chain: &Chain, pair: &sr25519::Pair) -> Result<(), String> {
	let who = AccountId::from(pair.public());
	loop {
		let head = chain.best_head().map_err(rpc)?;
		let claimable = chain.claimable(&who, head.hash).map_err(rpc)?;
		if claimable.is_empty() {
			return Ok(println!("nothing to claim"));
		}
		let (call, batch) = claim_call(&who, &claimable);
		println!(
			"claiming {} for eras {:?}",
			qqq(batch.iter().map(|(_, a)| a).sum()),
			batch.iter().map(|(e, _)| e).collect::<Vec<_>>()
		);
		submit_and_wait(chain, pair, call)?;
	}
}

/// Stops mining: the bond unbonds.
pub fn deregister(chain: &Chain, pair: &sr25519::Pair) -> Result<(), String> {
	let who = AccountId::from(pair.public());
	let head = chain.best_head().map_err(rpc)?;
	match chain.miner(&who, head.hash).map_err(rpc)? {
		None => return Err("not registered".into()),
		Some(m) if m.status != MinerStatus::Active => return Err(format!("already leaving: {:?}", m.status)),
		Some(_) => {},
	}
	submit_and_wait(chain, pair, RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::deregister {}))?;
	let miner = chain.miner(&who, chain.best_head().map_err(rpc)?.hash).map_err(rpc)?;
	if let Some(from) = miner.and_then(|m| m.withdrawable_from()) {
		println!("the bond can be withdrawn from era {from}: poseidon-miner withdraw-bond");
	}
	Ok(())
}

/// Releases the bond once unbonding is over.
pub fn withdraw_bond(chain: &Chain, pair: &sr25519::Pair) -> Result<(), String> {
	let who = AccountId::from(pair.public());
	let head = chain.best_head().map_err(rpc)?;
	let miner = chain.miner(&who, head.hash).map_err(rpc)?.ok_or("not registered")?;
	let from = miner.withdrawable_from().ok_or("still mining: deregister first")?;
	let current = chain.era_clock(head.hash).map_err(rpc)?.current;
	if current < from {
		return Err(format!("the bond is locked until era {from} (now era {current})"));
	}
	submit_and_wait(chain, pair, RuntimeCall::ProofOfResource(pallet_proof_of_resource::Call::withdraw_bond {}))?;
	println!("released {}", qqq(miner.bond));
	Ok(())
}
