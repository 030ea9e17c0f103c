// `node throughput/run.js [--accounts N]`: starts a release dev node on free loopback
// ports, runs the throughput harness with N accounts (default 3 000), prints its table
// and the node's resident memory, and stops the node. scripts/throughput.sh runs it.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode } from '../lib/node.js';
import { formatTable, residentMiB, runThroughput } from './harness.js';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const count = Number(arg('accounts', 3000));

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
// The twelve endowed dev accounts: Alice … Ferdie and their //stash accounts.
const devPairs = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
  .flatMap((name) => [keyring.addFromUri(`//${name}`), keyring.addFromUri(`//${name}//stash`)]);
const node = await startDevNode(['--pool-limit', String(Math.max(8192, 4 * count)),
  '--pool-kbytes', String(Math.max(20480, 4 * count))]);
try {
  const started = Date.now();
  const phases = await runThroughput(node.api, devPairs, count);
  console.log(`poseidon-node --dev, ${count} accounts, ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
  console.log(formatTable(phases));
  const proofs = phases[phases.length - 1];
  console.log(`\nproofs of era ${proofs.era} accepted in its window: ${proofs.acceptedInEra}/${count}`);
  for (const p of phases.filter((x) => x.refused > 0)) {
    console.log(`${p.name}: ${p.refused} refused by the pool, first: ${p.firstRefusal}`);
  }
  console.log(`node resident memory at the end: ${residentMiB(node.proc.child.pid).toFixed(0)} MiB`);
  console.log('The client signed every extrinsic before submitting; "client signed-tx/s" is how'
    + ' fast it handed them to the node, which is the bottleneck wherever that exceeds "per s".');
} finally {
  await node.stop();
}
