//! Where the agent reads what the miner served.
//!
//! Every source yields cumulative [`Counters`] (they only grow, like a network card's
//! byte counter); the ledger records the difference between two readings. A counter
//! that goes down (the serving software restarted) counts from zero again rather than
//! producing a negative or a huge wrapped-around delta.
//!
//! - `file:PATH`: a JSON object `{"bandwidth_bytes": …, "cpu_seconds": …,
//!   "storage_gib_hours": …}` the serving software rewrites (missing fields are 0);
//! - `http://…`: the same object served over HTTP;
//! - `linux[:iface=eth0,cgroup=/sys/fs/cgroup/edge.slice,disk=/srv/cache]`: the machine
//!   itself, for a miner with no other software: bytes sent by the network interfaces
//!   (all but loopback, or the one named), CPU time of a cgroup (or of the whole
//!   machine), and the space used on the disk holding `disk`, integrated over time into
//!   GiB·hours.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Cumulative usage counters. CPU and storage are fractional so that short sampling
/// intervals lose nothing to rounding; the proof floors the era's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counters {
	pub bandwidth_bytes: u64,
	pub cpu_seconds: f64,
	pub storage_gib_hours: f64,
}

impl Counters {
	/// What was served between `earlier` and `self`, each counter restarting from zero
	/// if it went down.
	pub fn since(&self, earlier: &Counters) -> Counters {
		let f = |now: f64, before: f64| if now >= before { now - before } else { now.max(0.0) };
		Counters {
			bandwidth_bytes: if self.bandwidth_bytes >= earlier.bandwidth_bytes {
				self.bandwidth_bytes - earlier.bandwidth_bytes
			} else {
				self.bandwidth_bytes
			},
			cpu_seconds: f(self.cpu_seconds, earlier.cpu_seconds),
			storage_gib_hours: f(self.storage_gib_hours, earlier.storage_gib_hours),
		}
	}

	pub fn add(&mut self, other: &Counters) {
		self.bandwidth_bytes = self.bandwidth_bytes.saturating_add(other.bandwidth_bytes);
		self.cpu_seconds += other.cpu_seconds;
		self.storage_gib_hours += other.storage_gib_hours;
	}
}

/// A configured usage source.
#[derive(Clone, Debug, PartialEq)]
pub enum UsageSource {
	File(PathBuf),
	Http(String),
	Linux(LinuxSource),
}

/// The built-in Linux source's settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinuxSource {
	pub interface: Option<String>,
	pub cgroup: Option<PathBuf>,
	pub disk: Option<PathBuf>,
	pub proc_root: PathBuf,
}

impl std::str::FromStr for UsageSource {
	type Err = String;

	fn from_str(spec: &str) -> Result<Self, String> {
		if let Some(path) = spec.strip_prefix("file:") {
			return Ok(UsageSource::File(path.into()));
		}
		if spec.starts_with("http://") {
			return Ok(UsageSource::Http(spec.to_string()));
		}
		if spec.starts_with("https://") {
			return Err("https usage endpoints are not supported: serve the counters over http on the \
			            miner's host, or write them to a file"
				.into());
		}
		if let Some(rest) = spec.strip_prefix("linux") {
			let mut linux = LinuxSource { proc_root: "/proc".into(), ..Default::default() };
			let options = rest.strip_prefix(':').unwrap_or(rest);
			for option in options.split(',').filter(|o| !o.is_empty()) {
				match option.split_once('=') {
					Some(("iface", v)) => linux.interface = Some(v.into()),
					Some(("cgroup", v)) => linux.cgroup = Some(v.into()),
					Some(("disk", v)) => linux.disk = Some(v.into()),
					_ => return Err(format!("unknown linux source option '{option}' (iface=, cgroup=, disk=)")),
				}
			}
			return Ok(UsageSource::Linux(linux));
		}
		Err(format!("unknown usage source '{spec}': use file:PATH, http://HOST/PATH or linux[:options]"))
	}
}

impl UsageSource {
	/// The counters now. The Linux source integrates disk use since `previous` (taken
	/// `elapsed_secs` ago), so it is given the previous reading.
	pub fn read(&self, previous: Option<&Counters>, elapsed_secs: f64) -> Result<Counters, String> {
		match self {
			UsageSource::File(path) => {
				let text = std::fs::read_to_string(path)
					.map_err(|e| format!("cannot read usage file {}: {e}", path.display()))?;
				serde_json::from_str(&text).map_err(|e| format!("usage file {}: {e}", path.display()))
			},
			UsageSource::Http(url) => ureq::get(url)
				.timeout(std::time::Duration::from_secs(10))
				.call()
				.map_err(|e| format!("usage endpoint {url}: {e}"))?
				.into_json()
				.map_err(|e| format!("usage endpoint {url}: {e}")),
			UsageSource::Linux(linux) => linux.read(previous, elapsed_secs),
		}
	}
}

impl LinuxSource {
	fn read(&self, previous: Option<&Counters>, elapsed_secs: f64) -> Result<Counters, String> {
		let net_dev = std::fs::read_to_string(self.proc_root.join("net/dev"))
			.map_err(|e| format!("cannot read /proc/net/dev: {e}"))?;
		let bandwidth_bytes = bytes_sent(&net_dev, self.interface.as_deref())?;
		let cpu_seconds = match &self.cgroup {
			Some(cgroup) => {
				let stat = std::fs::read_to_string(cgroup.join("cpu.stat"))
					.map_err(|e| format!("cannot read {}/cpu.stat: {e}", cgroup.display()))?;
				cgroup_cpu_seconds(&stat)?
			},
			None => {
				let stat = std::fs::read_to_string(self.proc_root.join("stat"))
					.map_err(|e| format!("cannot read /proc/stat: {e}"))?;
				machine_busy_cpu_seconds(&stat)?
			},
		};
		let mut storage_gib_hours = previous.map(|p| p.storage_gib_hours).unwrap_or(0.0);
		if let Some(disk) = &self.disk {
			storage_gib_hours += disk_used_gib(disk)? * elapsed_secs / 3600.0;
		}
		Ok(Counters { bandwidth_bytes, cpu_seconds, storage_gib_hours })
	}
}

/// Bytes transmitted, summed over the interfaces of `/proc/net/dev` (all but loopback,
/// or only `interface`).
pub fn bytes_sent(net_dev: &str, interface: Option<&str>) -> Result<u64, String> {
	let mut total = 0u64;
	let mut found = false;
	for line in net_dev.lines().skip(2) {
		let Some((name, fields)) = line.split_once(':') else { continue };
		let name = name.trim();
		let selected = match interface {
			Some(wanted) => name == wanted,
			None => name != "lo",
		};
		if !selected {
			continue;
		}
		// Receive has 8 fields, then transmit bytes.
		let tx = fields
			.split_whitespace()
			.nth(8)
			.and_then(|v| v.parse::<u64>().ok())
			.ok_or_else(|| format!("unreadable /proc/net/dev line for {name}"))?;
		total = total.saturating_add(tx);
		found = true;
	}
	match (found, interface) {
		(false, Some(wanted)) => Err(format!("no network interface named {wanted}")),
		_ => Ok(total),
	}
}

/// CPU seconds a cgroup (v2) has used: `usage_usec` of its `cpu.stat`.
pub fn cgroup_cpu_seconds(cpu_stat: &str) -> Result<f64, String> {
	cpu_stat
		.lines()
		.find_map(|l| l.strip_prefix("usage_usec "))
		.and_then(|v| v.trim().parse::<u64>().ok())
		.map(|usec| usec as f64 / 1e6)
		.ok_or_else(|| "cpu.stat has no usage_usec".into())
}

/// CPU seconds the machine has been busy (user, nice, system, irq, softirq, steal of
/// the `cpu` line of `/proc/stat`, in clock ticks of 1/100 s).
pub fn machine_busy_cpu_seconds(proc_stat: &str) -> Result<f64, String> {
	let line = proc_stat.lines().find(|l| l.starts_with("cpu ")).ok_or("/proc/stat has no cpu line")?;
	let ticks: Vec<u64> = line.split_whitespace().skip(1).filter_map(|v| v.parse().ok()).collect();
	if ticks.len() < 8 {
		return Err("/proc/stat cpu line is too short".into());
	}
	// user nice system idle iowait irq softirq steal
	let busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
	Ok(busy as f64 / 100.0)
}

/// GiB used on the file system holding `path`.
fn disk_used_gib(path: &std::path::Path) -> Result<f64, String> {
	let output = std::process::Command::new("df")
		.args(["--output=used", "-B1"])
		.arg(path)
		.output()
		.map_err(|e| format!("cannot run df: {e}"))?;
	let text = String::from_utf8_lossy(&output.stdout);
	let used: u64 = text
		.lines()
		.nth(1)
		.and_then(|l| l.trim().parse().ok())
		.ok_or_else(|| format!("df gave no usage for {}", path.display()))?;
	Ok(used as f64 / (1u64 << 30) as f64)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_delta_is_the_growth_and_a_counter_that_went_down_restarts_from_zero() {
		let before = Counters { bandwidth_bytes: 1_000, cpu_seconds: 10.0, storage_gib_hours: 5.0 };
		let after = Counters { bandwidth_bytes: 1_500, cpu_seconds: 2.0, storage_gib_hours: 7.5 };
		assert_eq!(
			after.since(&before),
			Counters { bandwidth_bytes: 500, cpu_seconds: 2.0, storage_gib_hours: 2.5 }
		);
	}

	#[test]
	fn sources_are_parsed_from_their_spec_and_bad_ones_say_why() {
		assert_eq!("file:/tmp/u.json".parse(), Ok(UsageSource::File("/tmp/u.json".into())));
		assert_eq!("http://127.0.0.1:8080/usage".parse(), Ok(UsageSource::Http("http://127.0.0.1:8080/usage".into())));
		let Ok(UsageSource::Linux(linux)) = "linux:iface=eth0,disk=/srv".parse::<UsageSource>() else {
			panic!("linux source not parsed")
		};
		assert_eq!(linux.interface.as_deref(), Some("eth0"));
		assert_eq!(linux.disk, Some("/srv".into()));
		assert!("linux:speed=9".parse::<UsageSource>().unwrap_err().contains("unknown linux source option"));
		assert!("ftp://x".parse::<UsageSource>().unwrap_err().contains("unknown usage source"));
	}

	#[test]
	fn bytes_sent_sum_every_interface_but_loopback_or_only_the_one_named() {
		let net_dev = "Inter-|   Receive                                                |  Transmit\n \
		 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n    \
		 lo: 900 9 0 0 0 0 0 0 900 9 0 0 0 0 0 0\n  \
		 eth0: 100 1 0 0 0 0 0 0 4000 40 0 0 0 0 0 0\n  \
		 eth1: 100 1 0 0 0 0 0 0 600 6 0 0 0 0 0 0\n";
		assert_eq!(bytes_sent(net_dev, None), Ok(4_600));
		assert_eq!(bytes_sent(net_dev, Some("eth1")), Ok(600));
		assert!(bytes_sent(net_dev, Some("wlan0")).is_err());
	}

	#[test]
	fn cpu_time_is_read_from_a_cgroup_or_the_machine() {
		assert_eq!(cgroup_cpu_seconds("usage_usec 2500000\nuser_usec 2000000\n"), Ok(2.5));
		assert_eq!(machine_busy_cpu_seconds("cpu  100 20 30 9999 50 5 5 40 0 0\ncpu0 1\n"), Ok(2.0));
	}

	#[test]
	fn a_file_source_reads_the_counters_the_serving_software_wrote() {
		let path = std::env::temp_dir().join(format!("poseidon-miner-usage-{}.json", std::process::id()));
		std::fs::write(&path, r#"{"bandwidth_bytes": 42, "cpu_seconds": 1.5}"#).unwrap();
		let counters = UsageSource::File(path.clone()).read(None, 0.0).unwrap();
		std::fs::remove_file(&path).unwrap();
		assert_eq!(counters, Counters { bandwidth_bytes: 42, cpu_seconds: 1.5, storage_gib_hours: 0.0 });
	}

	#[test]
	fn an_http_source_reads_the_counters_the_serving_software_serves() {
		use std::io::{Read, Write};
		let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
		let url = format!("http://{}/usage", listener.local_addr().unwrap());
		let server = std::thread::spawn(move || {
			let (mut stream, _) = listener.accept().unwrap();
			let mut request = [0u8; 1024];
			let _ = stream.read(&mut request).unwrap();
			let body = r#"{"bandwidth_bytes": 7, "storage_gib_hours": 2.25}"#;
			let response = format!(
				"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
				body.len()
			);
			stream.write_all(response.as_bytes()).unwrap();
		});
		let counters = UsageSource::Http(url).read(None, 0.0).unwrap();
		server.join().unwrap();
		assert_eq!(counters, Counters { bandwidth_bytes: 7, cpu_seconds: 0.0, storage_gib_hours: 2.25 });
	}

	#[test]
	fn an_unreachable_http_source_is_an_error_that_names_it() {
		let error = UsageSource::Http("http://127.0.0.1:9/usage".into()).read(None, 0.0).unwrap_err();
		assert!(error.contains("usage endpoint http://127.0.0.1:9/usage"), "{error}");
	}

	#[test]
	fn the_linux_source_reads_this_machine_and_integrates_disk_use_over_time() {
		let source: UsageSource = format!("linux:disk={}", std::env::temp_dir().display()).parse().unwrap();
		let first = source.read(None, 0.0).unwrap();
		assert_eq!(first.storage_gib_hours, 0.0, "no time has passed yet");
		assert!(first.cpu_seconds > 0.0, "a running machine has used CPU");
		// One hour later, by the clock the agent passes in: GiB·h = GiB used × 1 h.
		let later = source.read(Some(&first), 3_600.0).unwrap();
		assert!(later.storage_gib_hours > 0.0);
		assert!(later.cpu_seconds >= first.cpu_seconds);
		assert!(later.bandwidth_bytes >= first.bandwidth_bytes);
	}
}
