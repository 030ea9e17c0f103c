//! The runtime's native integration tests, one module per theme, in one test binary:
//! each binary links the whole native runtime, so one binary is one link instead of one
//! per theme (docs/benchmarks.md, "Build").
//!
//! `scripts/test.sh` builds them with the dev runtime features and `try-runtime` and
//! `runtime-benchmarks` (one feature set for every Rust test of the workspace); the
//! modules that need `try-runtime` are left out of a build without it.

mod common;

mod bad_input;
mod capture_cost;
#[cfg(feature = "try-runtime")]
mod call_sequences;
mod deposits;
mod economic_security;
mod genesis_presets;
mod governance;
mod parameters;
mod per_era_costs;
mod production_periods;
mod proof_of_resource;
mod revenue;
#[cfg(feature = "try-runtime")]
mod runtime_upgrade;
mod supernodes;
mod transfers;
