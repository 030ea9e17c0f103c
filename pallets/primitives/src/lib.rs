//! # Poseidon primitives
//!
//! The vocabulary every other crate of the chain shares: what an account, a balance and a
//! block number are, how many base units make one QQQ or one QAS, and how block numbers
//! map to wall-clock time.
//!
//! Pallets depend on this crate, never on each other: the small traits through which
//! pallets talk live here, each implemented by its one owner and wired together in the
//! runtime:
//!
//! - [`era::EraClock`]: the current era and whether an era's proof window is open;
//! - [`power::ProvenPower`]: accepted power per era and miner;
//! - [`supernodes::SupernodeSet`]: who the supernodes are;
//! - [`pools::RewardPool`]: where settlement sends the depositor and supernode pools;
//! - [`treasury::TreasuryAccount`]: the company's account.
//!
//! [`reward_accumulator`] holds the O(1) reward-sharing arithmetic the pallets that share
//! pools have in common, [`bounded_work`] the count of items a hook's remaining weight
//! allows, and `testing` (feature `testing`) the test doubles of these traits that the
//! pallets' mock runtimes share.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod bounded_work;
pub mod era;
pub mod pools;
pub mod power;
pub mod reward_accumulator;
pub mod supernodes;
#[cfg(feature = "testing")]
pub mod testing;
pub mod time;
pub mod tokens;
pub mod treasury;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// Block number: at 6 s per block a `u32` lasts for more than 800 years.
pub type BlockNumber = u32;

/// Signature of a transaction: sr25519, ed25519 or ecdsa, as wallets choose.
pub type Signature = MultiSignature;

/// An account is identified by the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Amount of either token (QQQ or QAS) in base units; see [`tokens`].
pub type Balance = u128;

/// Count of transactions an account has sent.
pub type Nonce = u32;

/// Hash of a block or of a trie node.
pub type Hash = sp_core::H256;
