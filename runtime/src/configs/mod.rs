//! Pallet configurations, one file per concern.
//!
//! - [`system`]: block limits, accounts, versions;
//! - [`consensus`]: timestamp, Aura, GRANDPA and the block author;
//! - [`tokens`]: QQQ and QAS, the two `pallet-balances` instances;
//! - [`fees`]: transaction fees in QQQ and where they go;
//! - [`treasury`]: the company treasury account;
//! - [`proof_of_resource`]: miners, proofs and the era clock;
//! - [`revenue`]: customer payments, the revenue split and settlement;
//! - [`deposits`]: QAS deposit plans and the depositors' pool;
//! - [`supernodes`]: supernode elections and the supernodes' pool;
//! - [`session`]: sessions (one per era) and the validator set the election feeds;
//! - [`offences`]: equivocation reports, key-ownership proofs, and the slash;
//! - [`governance`]: referenda and conviction voting in QAS, their tracks and origins;
//! - [`parameters`]: values governance changes without a runtime upgrade (the bonds);
//! - [`sudo`]: the development convenience key.

pub mod consensus;
pub mod deposits;
pub mod fees;
pub mod governance;
pub mod offences;
pub mod parameters;
pub mod proof_of_resource;
pub mod revenue;
pub mod session;
pub mod sudo;
pub mod supernodes;
pub mod system;
pub mod tokens;
pub mod treasury;
