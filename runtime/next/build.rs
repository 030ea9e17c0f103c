//! Builds the Wasm of `poseidon-runtime` with `spec-version-next` (see src/lib.rs), into
//! `$CARGO_TARGET_DIR/<profile>/wbuild/poseidon-runtime-next/`. Without the metadata
//! hash: it would compile the runtime twice more, and the upgrade test signs with
//! `CheckMetadataHash` disabled, as polkadot.js does by default.

#[cfg(feature = "std")]
use std::path::{Path, PathBuf};

#[cfg(feature = "std")]
fn main() {
	// As in the runtime's build script: the Wasm is built with the workspace's
	// `Cargo.lock`, found from this crate's directory (read when the script runs, since
	// cargo reuses a compiled build script across checkouts).
	let crate_dir = PathBuf::from(
		std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR for build scripts; qed"),
	);
	let workspace = crate_dir.ancestors().nth(2).expect("runtime/next is two levels below the workspace; qed");
	std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
	share_the_runtime_wasm_target_directory();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to build in the Wasm build of this crate itself (without `std`).
#[cfg(not(feature = "std"))]
fn main() {}

/// The Wasm builder gives each runtime project its own target directory
/// (`wbuild/<crate>/target`), so this build would compile every dependency of the
/// runtime to Wasm a second time: minutes of a cold build. The dependencies are the same
/// crates with the same features and flags as in the runtime's own Wasm build, so this
/// project's target directory is made a link to the runtime's: they compile once, and
/// only the runtime crate (another feature set) and this one compile again. Cargo locks
/// the directory, so the two Wasm builds take turns when they run at once.
#[cfg(feature = "std")]
fn share_the_runtime_wasm_target_directory() {
	let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts; qed"));
	// `<target>/<profile>/build/<crate>-<hash>/out`: the Wasm builder's workspace is
	// `<target>/<profile>/wbuild`.
	let Some(profile_dir) = out_dir.ancestors().find(|dir| dir.ends_with("build")).and_then(Path::parent) else {
		return;
	};
	let wbuild = profile_dir.join("wbuild");
	let runtime_target = wbuild.join("poseidon-runtime").join("target");
	let own_target = wbuild.join("poseidon-runtime-next").join("target");
	if own_target.is_symlink() {
		return;
	}
	let linked = std::fs::create_dir_all(&runtime_target)
		.and_then(|()| std::fs::create_dir_all(wbuild.join("poseidon-runtime-next")))
		.and_then(|()| match own_target.exists() {
			true => std::fs::remove_dir_all(&own_target),
			false => Ok(()),
		})
		.and_then(|()| symlink(&runtime_target, &own_target));
	if let Err(error) = linked {
		// Not fatal: the build then uses a target directory of its own.
		println!("cargo:warning=could not share the runtime's Wasm target directory: {error}");
	}
}

#[cfg(all(feature = "std", unix))]
fn symlink(original: &Path, link: &Path) -> std::io::Result<()> {
	std::os::unix::fs::symlink(original, link)
}

#[cfg(all(feature = "std", not(unix)))]
fn symlink(_original: &Path, _link: &Path) -> std::io::Result<()> {
	Err(std::io::Error::other("only made on Unix"))
}
