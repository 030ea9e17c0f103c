// Overview: the era clock, blocks and finality; the revenue of the last eras; the split
// in force and any change scheduled; where the money went since genesis; and a payment
// form for customers.

import { RevenueHistory, splitText, splitOf, sum } from '../chain.js';
import { barChart, card, field, h, keyOf, refreshSection, stats, table } from '../dom.js';
import {
  compactNumber, formatAmount, formatCount, formatDuration, parseAmount, toTokenNumber,
} from '../format.js';

/** Eras shown in the revenue chart. */
const CHART_ERAS = 12;

const SHARES = [
  { key: 'miners', label: 'miners', class: 'fill-miners' },
  { key: 'supernodes', label: 'supernodes', class: 'fill-supernodes' },
  { key: 'depositors', label: 'depositors', class: 'fill-depositors' },
  { key: 'treasury', label: 'treasury', class: 'fill-treasury' },
];

export const overviewPage = {
  id: 'overview',
  title: 'Overview',
  mount(root, app) {
    const history = new RevenueHistory(app.api);
    const clockSection = h('div');
    const chartSection = h('div');
    const splitSection = h('div');
    const flowSection = h('div');

    root.append(
      card(null, clockSection),
      h('div', { class: 'columns' },
        card('Revenue per era', chartSection),
        card('Revenue split', splitSection)),
      card('Where the money went (since genesis)', flowSection),
      paymentForm(app),
    );

    return {
      async update() {
        const { api, tokens, clock } = app;
        const [eras, minerCount, currentSplit, nextSplit, flows] = await Promise.all([
          history.lastEras(clock, CHART_ERAS),
          api.query.proofOfResource.counterForMiners(),
          api.query.revenue.currentSplit(),
          api.query.revenue.nextSplit(),
          readFlows(api),
        ]);

        const elapsed = clock.best - clock.start + 1;
        refreshSection(clockSection, keyOf([clock, minerCount.toNumber(), flows.totalRevenue]), () => [
          stats([
            { label: 'Era', value: String(clock.era), testid: 'era', hint: `started at block #${clock.start}, ${clock.length} blocks long` },
            {
              label: 'Next era in',
              value: `${clock.blocksLeft} blocks · ~${formatDuration(clock.blocksLeft * clock.blockMs)}`,
              testid: 'era-time-left',
              hint: `era ${clock.era + 1} starts at block #${clock.nextEraBlock}`,
            },
            { label: 'Best block', value: `#${formatCount(clock.best)}`, testid: 'best-block' },
            { label: 'Finalized', value: `#${formatCount(clock.finalized)}`, testid: 'finalized-block', hint: 'GRANDPA finality' },
            { label: 'Miners', value: formatCount(minerCount), testid: 'miner-count' },
            { label: 'Revenue since genesis', value: formatAmount(flows.totalRevenue, tokens.qqq), testid: 'total-revenue' },
          ]),
          h('div', { class: 'progress', title: `${elapsed} of ${clock.length} blocks of era ${clock.era}` },
            h('div', { class: 'progress-bar', style: `width: ${Math.min(100, (elapsed / clock.length) * 100)}%` })),
        ]);

        refreshSection(chartSection, keyOf([eras, history.limited]), () => revenueChart(eras, tokens, history.limited));

        const split = splitOf(currentSplit);
        const next = nextSplit.isSome ? splitOf(nextSplit.unwrap()) : null;
        refreshSection(splitSection, keyOf([split, next, clock.era]), () => [
          h('p', {}, 'In force this era (miners / supernodes / depositors / treasury):'),
          h('p', { class: 'big', testid: 'split-current' }, splitText(split)),
          splitBar(split),
          next
            ? h('p', { testid: 'split-next' }, 'Scheduled: ', h('strong', {}, `split ${splitText(next)} from era ${clock.era + 1}`))
            : h('p', { class: 'muted', testid: 'split-next' }, 'No change scheduled. A change passes a referendum on the revenue_split track (see Governance) and applies from the next era.'),
        ]);

        refreshSection(flowSection, keyOf(flows), () => flowTable(flows, tokens));
      },
    };
  },
};

/** The bar chart of the eras' revenue, each bar split by that era's shares. */
function revenueChart(eras, tokens, limited) {
  const bars = eras.map((e) => {
    const total = toTokenNumber(e.revenue, tokens.qqq);
    const split = e.split ?? { miners: 100, supernodes: 0, depositors: 0, treasury: 0 };
    return {
      label: e.inProgress ? `${e.era}…` : String(e.era),
      segments: SHARES.map((s) => ({
        value: (total * split[s.key]) / 100,
        class: s.class,
        title: `era ${e.era}: ${formatAmount(e.revenue, tokens.qqq)} revenue, ${s.label} ${split[s.key]} %`,
      })),
    };
  });
  return [
    barChart(bars, {
      legend: SHARES,
      formatTotal: compactNumber,
      testid: 'revenue-chart',
    }),
    table([
      { label: 'Era', cell: (e) => (e.inProgress ? `${e.era} (in progress)` : String(e.era)) },
      { label: 'Revenue', class: 'num', cell: (e) => formatAmount(e.revenue, tokens.qqq) },
      { label: 'Split', class: 'num', cell: (e) => (e.split ? splitText(e.split) : '—') },
    ], [...eras].reverse().slice(0, 4), { testid: 'revenue-table' }),
    limited ? h('p', { class: 'muted' }, 'Older eras: this node keeps only recent state; run it with --state-pruning archive for the whole history.') : null,
  ];
}

function splitBar(split) {
  return h('div', { class: 'split-bar' }, SHARES.filter((s) => split[s.key] > 0).map((s) =>
    h('div', { class: `split-part ${s.class}`, style: `flex: ${split[s.key]}`, title: `${s.label} ${split[s.key]} %` },
      // Narrow parts show their percentage only; the legend of the chart names them.
      split[s.key] >= 25 ? `${s.label} ${split[s.key]} %` : `${split[s.key]} %`)));
}

/** Totals of the money path: revenue in; miners, the two pools and the treasury out. */
async function readFlows(api) {
  const [
    totalRevenue, minersPaid, poolsHandedOut, toTreasury, carry, eraRewards, unsettled,
    supernodesLedger, depositorsLedger,
  ] = await Promise.all([
    api.query.revenue.totalRevenue(),
    api.query.revenue.totalMinerRewardsPaid(),
    api.query.revenue.totalPoolsHandedOut(),
    api.query.revenue.totalToTreasury(),
    api.query.revenue.minerPoolCarry(),
    api.query.revenue.eraRewards.entries(),
    api.query.revenue.eraRevenue.entries(),
    api.query.supernodes.ledger(),
    api.query.deposits.ledger(),
  ]);
  const claimable = eraRewards.reduce((total, [, reward]) => {
    const r = reward.unwrap();
    return total + r.minerPool.toBigInt() - r.claimed.toBigInt();
  }, 0n);
  const ledger = (l) => ({
    received: l.received.toBigInt(), paid: l.paid.toBigInt(), toTreasury: l.toTreasury.toBigInt(), carried: l.carried.toBigInt(),
  });
  return {
    totalRevenue: totalRevenue.toBigInt(),
    unsettled: sum(unsettled.map(([, v]) => v)),
    miners: { paid: minersPaid.toBigInt(), claimable, carried: carry.toBigInt() },
    poolsHandedOut: poolsHandedOut.toBigInt(),
    revenueToTreasury: toTreasury.toBigInt(),
    supernodes: ledger(supernodesLedger),
    depositors: ledger(depositorsLedger),
  };
}

function flowTable(flows, tokens) {
  const qqq = (v) => formatAmount(v, tokens.qqq);
  const treasuryTotal = flows.revenueToTreasury + flows.supernodes.toTreasury + flows.depositors.toTreasury;
  const rows = [
    { name: 'Customers → revenue', received: flows.totalRevenue, paid: null, treasury: null, waiting: flows.unsettled, note: 'waiting: eras not settled yet' },
    { name: 'Miners', received: flows.miners.paid + flows.miners.claimable, paid: flows.miners.paid, treasury: null, waiting: flows.miners.claimable + flows.miners.carried, note: 'waiting: claimable rewards and pools carried over from eras without power' },
    { name: 'Supernodes and their voters', ...flows.supernodes, treasury: flows.supernodes.toTreasury, waiting: flows.supernodes.carried, note: 'to treasury: pools with no supernode or an offline one' },
    { name: 'QAS depositors', ...flows.depositors, treasury: flows.depositors.toTreasury, waiting: flows.depositors.carried, note: 'to treasury: pools of eras without deposits' },
    { name: 'Company treasury', received: treasuryTotal, paid: null, treasury: null, waiting: null, note: 'its share, rounding dust, swept rewards and unshared pools (fees not included)' },
  ];
  const cell = (v) => (v === null || v === undefined ? '—' : qqq(v));
  return table([
    { label: 'Flow', cell: (r) => h('span', { title: r.note }, r.name) },
    { label: 'Received', class: 'num', cell: (r) => cell(r.received) },
    { label: 'Paid out', class: 'num', cell: (r) => cell(r.paid) },
    { label: 'To treasury', class: 'num', cell: (r) => cell(r.treasury) },
    { label: 'Waiting', class: 'num', cell: (r) => cell(r.waiting) },
  ], rows, { testid: 'flows' });
}

/** Customers pay for the network's service in QQQ (`revenue.payForService`). */
function paymentForm(app) {
  const amount = h('input', { value: '100', inputmode: 'decimal', testid: 'pay-amount' });
  const orderRef = h('input', { value: '', placeholder: 'e.g. invoice 2024-117', maxlength: 64, testid: 'pay-order' });
  const message = h('p', { class: 'form-message' });
  const form = h('form', { class: 'inline-form', testid: 'pay-form' },
    field(`Amount (${app.tokens.qqq.symbol})`, amount),
    field('Order reference', orderRef),
    h('button', { type: 'submit' }, `Pay in ${app.tokens.qqq.symbol}`));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    app.act(message, () => {
      const value = parseAmount(amount.value, app.tokens.qqq);
      return [app.api.tx.revenue.payForService(value, orderRef.value.trim()),
        `Pay ${formatAmount(value, app.tokens.qqq)} for service`];
    }, () => `Paid; it counts in era ${app.clock.era}'s revenue.`);
  });
  return card('Pay for service (customers)',
    h('p', { class: 'muted' }, `The minimum payment is ${formatAmount(app.api.consts.revenue.minPayment, app.tokens.qqq)}. It counts in the current era's revenue, which is split when the era settles.`),
    form, message);
}
