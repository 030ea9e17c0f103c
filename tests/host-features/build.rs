//! Nothing to build: the build dependencies are here for their features (Cargo.toml).

fn main() {}
