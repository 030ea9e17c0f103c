// Miners: how many, the power proved in each recent era with its miner pool, the list of
// miners, and one miner's page: its profile, bond and proofs, and the rewards it can
// claim (`revenueApi.claimableRewards`), with the claim button.

import { barChart, card, field, h, keyOf, refreshSection, stats, table } from '../dom.js';
import {
  compactNumber, formatAmount, formatBytes, formatCount, formatPower, shortAddress,
} from '../format.js';

/** Eras shown in the power chart and table. */
const POWER_ERAS = 12;
/** Miners listed (the list is paged by the node; the count is exact). */
const LISTED_MINERS = 50;
/** Proofs shown on a miner's page. */
const SHOWN_PROOFS = 12;

export const minersPage = {
  id: 'miners',
  title: 'Miners',
  mount(root, app) {
    const summarySection = h('div');
    const powerSection = h('div');
    const listSection = h('div');
    const minerSection = h('div', { testid: 'miner-details' });
    const minerInput = h('input', { placeholder: 'miner address', spellcheck: false, testid: 'miner-address', class: 'address-input' });
    const minerForm = h('form', { class: 'inline-form' }, field('Miner', minerInput),
      h('button', { type: 'submit' }, 'Show'),
      h('button', { type: 'button', onclick: () => { minerInput.value = app.account ?? ''; show(); } }, 'My account'));
    const claimMessage = h('p', { class: 'form-message' });
    let claimable = [];
    const claimButton = h('button', { type: 'button', disabled: true, testid: 'claim-miner-rewards' }, 'Claim rewards');

    function show() {
      app.go('miners', minerInput.value.trim() ? { who: minerInput.value.trim() } : {});
    }
    minerForm.addEventListener('submit', (event) => { event.preventDefault(); show(); });

    claimButton.addEventListener('click', () => app.act(claimMessage, () => {
      const miner = currentMiner();
      const max = app.api.consts.revenue.maxClaimEras.toNumber();
      const eras = claimable.map(([era]) => era).slice(0, max);
      return [app.api.tx.revenue.claimMinerRewards(miner, eras), `Claim miner rewards of ${eras.length} era(s)`];
    }, 'Claimed: the rewards went to the miner.'));

    function currentMiner() {
      return app.pageQuery().get('who') || app.account || '';
    }

    root.append(
      card(null, summarySection),
      card('Power proved per era', powerSection),
      card('A miner', minerForm, minerSection, h('div', { class: 'inline-form' }, claimButton), claimMessage),
      card(`Miners (first ${LISTED_MINERS})`, listSection),
    );

    return {
      async update() {
        const { api, tokens, clock } = app;
        const miner = currentMiner();
        if (document.activeElement !== minerInput) minerInput.value = miner;
        const firstEra = Math.max(clock.era - POWER_ERAS + 1, 0);
        const eras = Array.from({ length: clock.era - firstEra + 1 }, (_, i) => firstEra + i);
        const [count, powers, rewards, page, weights] = await Promise.all([
          api.query.proofOfResource.counterForMiners(),
          api.query.proofOfResource.eraTotalPower.multi(eras),
          api.query.revenue.eraRewards.multi(eras),
          api.query.proofOfResource.miners.entriesPaged({ args: [], pageSize: LISTED_MINERS }),
          api.query.proofOfResource.powerPerUnit(),
        ]);

        refreshSection(summarySection, keyOf([count.toNumber(), powers.map(String), weights.toJSON()]), () => stats([
          { label: 'Registered miners', value: formatCount(count), testid: 'miners-registered' },
          { label: `Power in era ${clock.era} so far`, value: formatPower(powers[powers.length - 1]), testid: 'power-current' },
          { label: 'Least bond to prove', value: formatAmount(api.consts.proofOfResource.minBondToProve, tokens.qqq), hint: 'a miner holds a QQQ bond (governable: parameters → Bonds.MinerBond) of at least this' },
          {
            label: 'Power per unit',
            value: `${formatCount(weights.perBandwidthByte)} / B · ${formatCount(weights.perCpuSecond)} / CPU s · ${formatCount(weights.perStorageGibHour)} / GiB·h`,
          },
        ]));

        const rows = eras.map((era, i) => ({
          era,
          power: powers[i].toBigInt(),
          reward: rewards[i].isSome ? rewards[i].unwrap() : null,
        }));
        refreshSection(powerSection, keyOf(rows.map((r) => [r.era, r.power, r.reward?.toJSON()])), () => [
          barChart(rows.map((r) => ({
            label: r.era === clock.era ? `${r.era}…` : String(r.era),
            segments: [{ value: Number(r.power), class: 'fill-miners', title: `era ${r.era}: power ${formatPower(r.power)}` }],
          })), { formatTotal: compactNumber, testid: 'power-chart' }),
          table([
            { label: 'Era', cell: (r) => (r.era === clock.era ? `${r.era} (in progress)` : String(r.era)) },
            { label: 'Total power', class: 'num', cell: (r) => formatPower(r.power) },
            { label: 'Miner pool', class: 'num', cell: (r) => (r.reward ? formatAmount(r.reward.minerPool, tokens.qqq) : 'not settled') },
            { label: 'Claimed', class: 'num', cell: (r) => (r.reward ? formatAmount(r.reward.claimed, tokens.qqq) : '—') },
          ], [...rows].reverse().slice(0, 6)),
        ]);

        refreshSection(listSection, keyOf(page.map(([k, v]) => [k.toHex(), v.toJSON()])), () => table([
          { label: 'Miner', cell: ([key]) => minerLink(app, key.args[0].toString()) },
          { label: 'Status', cell: ([, m]) => statusText(m.unwrap()) },
          { label: 'Bond', class: 'num', cell: ([, m]) => formatAmount(m.unwrap().bond, tokens.qqq) },
          { label: 'Capacity', cell: ([, m]) => profileText(m.unwrap().profile) },
          { label: 'Region', class: 'num', cell: ([, m]) => String(m.unwrap().profile.region.toNumber()) },
          { label: 'Since era', class: 'num', cell: ([, m]) => String(m.unwrap().registeredIn.toNumber()) },
        ], page, { empty: 'No miner has registered yet (proofOfResource.registerMiner).', testid: 'miner-list' }));

        if (!miner) {
          claimable = [];
          claimButton.disabled = true;
          refreshSection(minerSection, 'none', () => h('p', { class: 'muted' }, 'Enter a miner address, or choose an account at the top.'));
          return;
        }
        let details;
        try {
          details = await readMiner(api, miner, clock);
        } catch (error) {
          claimable = [];
          claimButton.disabled = true;
          refreshSection(minerSection, `error:${error.message}`, () => h('p', { class: 'page-error' }, `Cannot read ${miner}: ${error.message}`));
          return;
        }
        claimable = details.claimable;
        claimButton.disabled = claimable.length === 0;
        refreshSection(minerSection, keyOf([miner, details.record?.toJSON(), details.proofs.map((p) => [p.era, p.proof.toJSON()]), claimable]),
          () => minerDetails(miner, details, tokens));
      },
    };
  },
};

function minerLink(app, address) {
  return h('a', { href: `#/miners?who=${address}`, title: address }, shortAddress(address));
}

function statusText(miner) {
  const { status } = miner;
  if (status.isActive) return 'active';
  if (status.isUnbonding) return `leaving (bond back from era ${status.asUnbonding.withdrawableFrom.toNumber()})`;
  if (status.isEjected) return `ejected in era ${status.asEjected.inEra.toNumber()}`;
  return status.type;
}

function profileText(profile) {
  return `${formatCount(profile.bandwidthMbps)} Mbit/s · ${formatCount(profile.cpuMillicores)} millicores · ${formatCount(profile.storageGib)} GiB`;
}

/** A miner's registration, its recent proofs and its claimable eras. */
async function readMiner(api, miner, clock) {
  const oldest = (await api.query.proofOfResource.oldestStoredEra()).toNumber();
  const first = Math.max(oldest, clock.era - SHOWN_PROOFS + 1, 0);
  const eras = Array.from({ length: clock.era - first + 1 }, (_, i) => clock.era - i);
  const [record, proofs, claimable] = await Promise.all([
    api.query.proofOfResource.miners(miner),
    api.query.proofOfResource.proofs.multi(eras.map((era) => [era, miner])),
    api.call.revenueApi.claimableRewards(miner),
  ]);
  return {
    record: record.isSome ? record.unwrap() : null,
    proofs: eras.map((era, i) => ({ era, proof: proofs[i] })).filter((p) => p.proof.isSome)
      .map(({ era, proof }) => ({ era, proof: proof.unwrap() })),
    claimable: claimable.map(([era, amount]) => [era.toNumber(), amount.toBigInt()]),
  };
}

function minerDetails(miner, { record, proofs, claimable }, tokens) {
  const total = claimable.reduce((s, [, amount]) => s + amount, 0n);
  return [
    h('p', { class: 'address' }, miner),
    record
      ? stats([
        { label: 'Status', value: statusText(record), testid: 'miner-status' },
        { label: 'Bond', value: formatAmount(record.bond, tokens.qqq) },
        { label: 'Capacity', value: profileText(record.profile) },
        { label: 'Region (UN M49)', value: String(record.profile.region.toNumber()) },
        { label: 'Proves from era', value: String(record.registeredIn.toNumber()) },
        record.nextProfile.isSome
          ? { label: `New profile from era ${record.nextProfile.unwrap()[0].toNumber()}`, value: profileText(record.nextProfile.unwrap()[1]) }
          : null,
      ].filter(Boolean))
      : h('p', { class: 'muted' }, 'Not a registered miner (now). Rewards it earned before leaving stay claimable.'),
    h('h3', {}, 'Recent proofs'),
    table([
      { label: 'Era', cell: (p) => String(p.era) },
      { label: 'Served', class: 'num', cell: (p) => formatBytes(p.proof.usage.bandwidthBytes) },
      { label: 'CPU', class: 'num', cell: (p) => `${formatCount(p.proof.usage.cpuSeconds)} s` },
      { label: 'Storage', class: 'num', cell: (p) => `${formatCount(p.proof.usage.storageGibHours)} GiB·h` },
      { label: 'Power', class: 'num', cell: (p) => formatPower(p.proof.power) },
      { label: 'Verdict', cell: (p) => (p.proof.rejected.isTrue ? 'rejected' : p.proof.rejections.toNumber() ? `${p.proof.rejections.toNumber()} rejection(s)` : 'accepted') },
      { label: 'Evidence', cell: (p) => h('code', { title: p.proof.evidence.toHex() }, `${p.proof.evidence.toHex().slice(0, 10)}…`) },
    ], proofs, { empty: 'No proof in the stored eras.', testid: 'miner-proofs' }),
    h('h3', {}, 'Claimable rewards'),
    h('p', { testid: 'miner-claimable' }, claimable.length
      ? `${formatAmount(total, tokens.qqq)} over ${claimable.length} settled era(s): `
        + claimable.map(([era, amount]) => `era ${era}: ${formatAmount(amount, tokens.qqq)}`).join(', ')
      : `Nothing to claim (${tokens.qqq.symbol}).`),
  ];
}
