//! Tests of the supernodes pallet, by theme. Every test runs inside
//! [`crate::mock::build_and_execute`], which checks the pallet's invariants afterwards.

mod candidacy;
mod election;
mod offences;
mod retired_bonds;
mod rewards;
mod session;
mod standing;
mod voting;
