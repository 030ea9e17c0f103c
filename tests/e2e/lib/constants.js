// Values the end-to-end tests share. Both tokens have 12 decimals (the chain properties
// announce them; dev-chain.test.js checks that they do).

/** One QQQ in base units. */
export const QQQ = 10n ** 12n;
/** One QAS in base units. */
export const QAS = 10n ** 12n;
/** The device profile the tests' miners register with (`proofOfResource.registerMiner`). */
export const MINER_PROFILE = { bandwidthMbps: 100, cpuMillicores: 2000, storageGib: 600, region: 276 };
