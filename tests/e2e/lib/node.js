// Starting and stopping real poseidon-node processes for the end-to-end tests.
//
// Every node listens on loopback ports picked free at start, runs with a throw-away
// database, and is stopped by its pid when the test is done — also when it fails, and
// when the test process itself exits.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { devAccounts } from './chain.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');

/** The poseidon-node binary under test. */
export function nodeBinary() {
  const bin = process.env.POSEIDON_NODE ??
    join(process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache', 'poseidon-target'),
      'release', 'poseidon-node');
  if (!existsSync(bin)) {
    throw new Error(`poseidon-node not found at ${bin}; build it or set POSEIDON_NODE`);
  }
  return bin;
}

/** The poseidon-miner agent binary, built beside the node. */
export function minerBinary() {
  const bin = process.env.POSEIDON_MINER ?? join(dirname(nodeBinary()), 'poseidon-miner');
  if (!existsSync(bin)) {
    throw new Error(`poseidon-miner not found at ${bin}; build it or set POSEIDON_MINER`);
  }
  return bin;
}

/** A loopback TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** `count` consecutive loopback ports starting at a free base, each free a moment ago. */
export async function freePortRange(count) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    const free = await Promise.all(ports.map(isFree));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

function isFree(port) {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

const running = new Set();
function killAll() {
  for (const child of running) {
    // A detached child leads its own process group: kill the group, so the nodes a
    // script started go with it.
    const target = child.poseidonGroup ? -child.pid : child.pid;
    try { process.kill(target, 'SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { killAll(); process.exit(1); });
}

/** Starts a process and remembers it so it is killed even if the test crashes. */
export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  child.poseidonGroup = Boolean(options.detached);
  running.add(child);
  let output = '';
  const keep = (chunk) => { output = (output + chunk.toString()).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => {
    running.delete(child);
    resolveExit({ code, signal });
  }));
  return { child, exited, output: () => output };
}

/**
 * Stops a process started by `startProcess`: SIGTERM, then SIGKILL after `graceMs`.
 * For a detached process (a script that starts nodes) whatever is left of its process
 * group is killed afterwards too.
 */
export async function stopProcess(proc, { graceMs = 10000 } = {}) {
  const { child } = proc;
  if (child.exitCode === null && child.signalCode === null) {
    try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ }
    const timer = setTimeout(() => {
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, graceMs);
    await proc.exited;
    clearTimeout(timer);
  }
  if (child.poseidonGroup) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
  }
}

/** Connects @polkadot/api to `url`, retrying until the node answers or `timeoutMs`. */
export async function connect(url, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    const provider = new WsProvider(url, false);
    try {
      await provider.connect();
      await waitFor(() => provider.isConnected, 2000);
      return await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
    } catch (error) {
      lastError = error;
      await provider.disconnect().catch(() => {});
      await sleep(500);
    }
  }
  throw new Error(`could not connect to ${url}: ${lastError}`);
}

/**
 * Starts `poseidon-node --dev` on free loopback ports with a throw-away base path and
 * connects to it. The returned handle can also `crash()` the node (SIGKILL, the base
 * path kept) and `restart()` it on the same base path and ports, as an operator's
 * supervisor would after a crash.
 */
export async function startDevNode(extraArgs = []) {
  const [rpcPort, p2pPort, prometheusPort] = [await freePort(), await freePort(), await freePort()];
  const basePath = mkdtempSync(join(tmpdir(), 'poseidon-e2e-'));
  const args = [
    '--dev',
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--prometheus-port', String(prometheusPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-mdns',
    '--no-telemetry',
    ...extraArgs,
  ];
  const launch = async () => {
    const proc = startProcess(nodeBinary(), args);
    try {
      const api = await Promise.race([
        connect(`ws://127.0.0.1:${rpcPort}`),
        proc.exited.then(({ code }) => {
          throw new Error(`poseidon-node exited early (${code}):\n${proc.output()}`);
        }),
      ]);
      return { proc, api };
    } catch (error) {
      await stopProcess(proc);
      throw error;
    }
  };
  let running;
  try {
    running = await launch();
  } catch (error) {
    rmSync(basePath, { recursive: true, force: true });
    throw error;
  }
  const node = {
    api: running.api,
    rpcPort,
    prometheusPort,
    proc: running.proc,
    /** Kills the node with SIGKILL, as a power cut would; keeps its database. */
    async crash() {
      await node.api.disconnect().catch(() => {});
      try { process.kill(node.proc.child.pid, 'SIGKILL'); } catch { /* already gone */ }
      await node.proc.exited;
    },
    /** Starts the node again on the same base path and ports, and reconnects. */
    async restart() {
      running = await launch();
      node.api = running.api;
      node.proc = running.proc;
      return node.api;
    },
    async stop() {
      await node.api.disconnect().catch(() => {});
      await stopProcess(node.proc);
      rmSync(basePath, { recursive: true, force: true });
    },
  };
  return node;
}

/**
 * Starts a dev node for one test file and loads the dev accounts:
 * `{ node, api, accounts }`. The caller stops `node` after its tests.
 */
export async function startDevChain(extraArgs = []) {
  const accounts = await devAccounts();
  const node = await startDevNode(extraArgs);
  return { node, api: node.api, accounts };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `predicate` until it returns a truthy value, or throws after `timeoutMs`. */
export async function waitFor(predicate, timeoutMs, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}
