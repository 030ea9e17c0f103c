// `node throughput/idle-memory.js [--blocks N]`: starts a release dev node on free
// loopback ports, lets it author N blocks (default 1 000) with no transactions, and
// prints its resident memory every 100 blocks and at the end, then stops it.
// `scripts/throughput.sh --idle` runs it.

import { readFileSync } from 'node:fs';
import { startDevNode } from '../lib/node.js';
import { subscribeUntil } from '../lib/chain.js';

const at = process.argv.indexOf('--blocks');
const blocks = at > 0 ? Number(process.argv[at + 1]) : 1000;

/** Resident and peak resident memory of `pid`, in MiB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: mib('VmRSS'), peak: mib('VmHWM') };
}

const node = await startDevNode();
try {
  const pid = node.proc.child.pid;
  const started = Date.now();
  console.log('block  minutes  RSS MiB  peak RSS MiB');
  const report = (number) => {
    const { rss, peak } = memory(pid);
    const minutes = (Date.now() - started) / 60000;
    console.log(`${String(number).padStart(5)}  ${minutes.toFixed(1).padStart(7)}  ${rss.toFixed(0).padStart(7)}  ${peak.toFixed(0).padStart(12)}`);
  };
  report(0);
  await subscribeUntil(
    (callback) => node.api.rpc.chain.subscribeNewHeads(callback),
    (header) => {
      const number = header.number.toNumber();
      if (number > 0 && (number % 100 === 0 || number >= blocks)) report(number);
      return number >= blocks ? number : undefined;
    },
    (blocks + 50) * 6000 * 2,
    `block ${blocks}`,
  );
} finally {
  await node.stop();
}
