//! Weights of the FRAME pallets whose cost depends on this runtime's configuration
//! (its tracks, currencies and limits), measured on this runtime by
//! `scripts/benchmark.sh`. Poseidon's own pallets keep theirs in `pallets/*/src/weights.rs`.

pub mod pallet_conviction_voting;
pub mod pallet_parameters;
pub mod pallet_preimage;
pub mod pallet_referenda;
pub mod pallet_scheduler;
