//! Pallet configurations, one file per concern.
//!
//! - [`system`]: block limits, accounts, versions;
//! - [`consensus`]: timestamp, Aura, GRANDPA and the block author;
//! - [`tokens`]: QQQ and QAS, the two `pallet-balances` instances;
//! - [`fees`]: transaction fees in QQQ and where they go;
//! - [`treasury`]: the company treasury account;
//! - [`sudo`]: the development convenience key.

pub mod consensus;
pub mod fees;
pub mod sudo;
pub mod system;
pub mod tokens;
pub mod treasury;
