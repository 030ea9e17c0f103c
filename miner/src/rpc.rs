//! JSON-RPC to the node, one HTTP request per call.
//!
//! A Substrate node serves HTTP and WebSocket JSON-RPC on the same port, so the agent
//! takes the `ws://` address a miner already knows and posts to it over HTTP. Nothing
//! is held open: a node restart or a dropped connection fails one request, which the
//! agent's loop retries on its next round.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::{
	fmt,
	sync::atomic::{AtomicU64, Ordering},
	time::Duration,
};

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum RpcError {
	/// The node could not be reached or answered something that is not JSON-RPC.
	Transport(String),
	/// The node answered with a JSON-RPC error.
	Call { code: i64, message: String, data: Option<String> },
}

impl fmt::Display for RpcError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			RpcError::Transport(e) => write!(f, "node unreachable: {e}"),
			RpcError::Call { code, message, data: Some(data) } => write!(f, "{message} ({code}): {data}"),
			RpcError::Call { code, message, data: None } => write!(f, "{message} ({code})"),
		}
	}
}

/// A JSON-RPC endpoint.
pub struct Rpc {
	url: String,
	agent: ureq::Agent,
	next_id: AtomicU64,
}

/// The HTTP address of a node given as `ws://`, `http://` (or bare `host:port`).
pub fn http_url(url: &str) -> Result<String, String> {
	if let Some(rest) = url.strip_prefix("ws://") {
		return Ok(format!("http://{rest}"));
	}
	if url.starts_with("wss://") || url.starts_with("https://") {
		return Err(format!(
			"{url}: TLS endpoints are not supported; run the agent next to its node or reach a remote one \
			 through an SSH tunnel (ws://127.0.0.1:PORT)"
		));
	}
	if url.starts_with("http://") {
		return Ok(url.to_string());
	}
	Ok(format!("http://{url}"))
}

impl Rpc {
	pub fn new(url: &str) -> Result<Self, String> {
		let agent = ureq::AgentBuilder::new()
			.timeout_connect(Duration::from_secs(5))
			.timeout(Duration::from_secs(30))
			.build();
		Ok(Self { url: http_url(url)?, agent, next_id: AtomicU64::new(1) })
	}

	/// Calls `method` with `params` and decodes its result.
	pub fn call<R: DeserializeOwned>(&self, method: &str, params: Value) -> Result<R, RpcError> {
		let id = self.next_id.fetch_add(1, Ordering::Relaxed);
		let request = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
		let response: Value = match self.agent.post(&self.url).send_json(request) {
			Ok(response) => response.into_json().map_err(|e| RpcError::Transport(e.to_string()))?,
			// The server answers JSON-RPC errors with HTTP 200, but a proxy may not.
			Err(ureq::Error::Status(code, response)) => response
				.into_json()
				.map_err(|_| RpcError::Transport(format!("HTTP {code} from {}", self.url)))?,
			Err(e) => return Err(RpcError::Transport(e.to_string())),
		};
		if let Some(error) = response.get("error") {
			return Err(RpcError::Call {
				code: error.get("code").and_then(Value::as_i64).unwrap_or(0),
				message: error.get("message").and_then(Value::as_str).unwrap_or("").to_string(),
				data: error.get("data").map(|d| d.as_str().map(str::to_owned).unwrap_or_else(|| d.to_string())),
			});
		}
		let result = response.get("result").cloned().unwrap_or(Value::Null);
		serde_json::from_value(result).map_err(|e| RpcError::Transport(format!("{method}: unexpected result: {e}")))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_websocket_address_is_reached_over_http_on_the_same_port() {
		assert_eq!(http_url("ws://127.0.0.1:9944").unwrap(), "http://127.0.0.1:9944");
		assert_eq!(http_url("http://node:9944").unwrap(), "http://node:9944");
		assert_eq!(http_url("localhost:9944").unwrap(), "http://localhost:9944");
		assert!(http_url("wss://rpc.example").unwrap_err().contains("SSH tunnel"));
	}

	#[test]
	fn an_unreachable_node_is_a_transport_error_not_a_panic() {
		// Port 9 (discard) on loopback is closed on any test machine.
		let rpc = Rpc::new("ws://127.0.0.1:9").unwrap();
		assert!(matches!(rpc.call::<Value>("system_health", json!([])), Err(RpcError::Transport(_))));
	}
}
