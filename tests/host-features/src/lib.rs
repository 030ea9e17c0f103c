//! No code: this crate exists for the features of its build dependencies (Cargo.toml).

#![no_std]
