//! Tests of the proof-of-resource pallet, by theme. Every test runs inside
//! [`crate::mock::build_and_execute`], which checks the pallet's invariants afterwards.

mod era_clock;
mod migrations;
mod proofs;
mod registration;
mod rejection;
