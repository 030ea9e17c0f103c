//! Tests of the revenue pallet, by theme. Every test runs inside
//! [`crate::mock::build_and_execute`], which checks conservation afterwards.

mod claims;
mod payments;
mod settlement;
mod split;
