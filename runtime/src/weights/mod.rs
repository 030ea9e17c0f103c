//! Weights measured on this runtime by `scripts/benchmark.sh`, all in one run on one
//! machine: what every block and every transaction pays (the base block and extrinsic,
//! `frame_system` and its transaction extensions, fee payment, the QQQ and QAS balances,
//! the timestamp inherent) and the FRAME pallets of QAS governance, whose cost depends on
//! this runtime's tracks, currencies and limits. Poseidon's own pallets keep theirs in
//! `pallets/*/src/weights.rs`.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances_crate_balances;
pub mod pallet_balances_crate_qas_balances;
pub mod pallet_conviction_voting;
pub mod pallet_parameters;
pub mod pallet_preimage;
pub mod pallet_referenda;
pub mod pallet_scheduler;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
