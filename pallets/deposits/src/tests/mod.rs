//! Tests of the deposits pallet, by theme. Every test runs inside
//! [`crate::mock::build_and_execute`], which checks the pallet's invariants afterwards.

mod deposits;
mod plans;
mod rewards;
mod timing;
mod voting;
mod withdrawals;
