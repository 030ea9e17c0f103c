// Deposits: the plans (lock term, multiplier, minimum), the depositors' pool, and a QAS
// holder's positions with their maturity and the QQQ they have earned
// (`depositsApi.pendingRewards`); deposit, claim and withdraw.

import { card, field, h, keyOf, refreshSection, stats, table } from '../dom.js';
import { formatAmount, formatDuration, parseAmount } from '../format.js';

export const depositsPage = {
  id: 'deposits',
  title: 'Deposits',
  mount(root, app) {
    const { api, tokens } = app;
    const summarySection = h('div');
    const plansSection = h('div');
    const positionsSection = h('div', { testid: 'positions-section' });

    const planSelect = h('select', { testid: 'deposit-plan' });
    const amount = h('input', { value: '', placeholder: 'e.g. 500', inputmode: 'decimal', testid: 'deposit-amount' });
    const message = h('p', { class: 'form-message', testid: 'deposit-message' });
    const form = h('form', { class: 'inline-form', testid: 'deposit-form' },
      field('Plan', planSelect),
      field(`Amount (${tokens.qas.symbol})`, amount, 'held until the position matures and you withdraw it'),
      h('button', { type: 'submit', testid: 'deposit-submit' }, `Deposit ${tokens.qas.symbol}`));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      app.act(message, () => {
        if (planSelect.value === '') throw new Error('No open plan to deposit into.');
        const plan = Number(planSelect.value);
        const value = parseAmount(amount.value, tokens.qas);
        return [api.tx.deposits.deposit(plan, value), `Deposit ${formatAmount(value, tokens.qas)} in plan ${plan}`];
      }, 'Deposited: the position shares the depositors’ pool from the next era.');
    });

    const claimButton = h('button', { type: 'button', testid: 'deposits-claim' }, 'Claim rewards');
    claimButton.addEventListener('click', () => app.act(message,
      () => [api.tx.deposits.claim(), 'Claim deposit rewards'], 'Claimed.'));

    function withdraw(id) {
      return app.act(message, () => [api.tx.deposits.withdraw(id), `Withdraw position ${id}`],
        `Position ${id} withdrawn: its QAS is free again and its rewards paid.`);
    }

    root.append(
      card(null, summarySection),
      card('Plans', plansSection),
      card('Your positions', positionsSection, h('div', { class: 'inline-form' }, claimButton), form, message),
    );

    return {
      async update() {
        const { clock } = app;
        const account = app.account;
        const [planEntries, totalDeposited, ledger, lastShared, positions, pending] = await Promise.all([
          api.query.deposits.plans.entries(),
          api.query.deposits.totalDeposited(),
          api.query.deposits.ledger(),
          api.query.deposits.lastSharedEra(),
          account ? api.query.deposits.positions(account) : null,
          account ? api.call.depositsApi.pendingRewards(account) : null,
        ]);
        const plans = planEntries
          .map(([key, plan]) => ({ id: key.args[0].toNumber(), ...plainPlan(plan.unwrap()) }))
          .sort((a, b) => a.id - b.id);
        const lastSharedEra = lastShared.isSome ? lastShared.unwrap().toNumber() : null;

        refreshSection(summarySection, keyOf([totalDeposited.toString(), ledger.toJSON(), lastSharedEra]), () => stats([
          { label: 'QAS deposited', value: formatAmount(totalDeposited, tokens.qas), testid: 'total-deposited' },
          { label: 'Pool received', value: formatAmount(ledger.received, tokens.qqq), hint: 'the depositors’ share of every settled era' },
          { label: 'Paid to depositors', value: formatAmount(ledger.paid, tokens.qqq) },
          { label: 'Sent to treasury', value: formatAmount(ledger.toTreasury, tokens.qqq), hint: 'pools of eras without any deposit' },
          { label: 'Last era shared', value: lastSharedEra === null ? 'none yet' : String(lastSharedEra) },
        ]));

        refreshSection(plansSection, keyOf([plans, clock.length, clock.blockMs]), () => table([
          { label: 'Plan', cell: (p) => String(p.id) },
          { label: 'Lock', cell: (p) => `${p.lockEras} eras (~${formatDuration(p.lockEras * clock.length * clock.blockMs)})` },
          { label: 'Multiplier', class: 'num', cell: (p) => `×${p.multiplier / 100}` },
          { label: 'Minimum', class: 'num', cell: (p) => formatAmount(p.minAmount, tokens.qas) },
          { label: 'Status', cell: (p) => (p.open ? 'open' : 'closed') },
        ], plans, { empty: 'No plan.', testid: 'plans' }));

        // The plan choice survives refreshes; the options change only with the plans.
        const openPlans = plans.filter((p) => p.open);
        const optionsKey = keyOf(openPlans);
        if (planSelect.dataset.key !== optionsKey) {
          const chosen = planSelect.value;
          planSelect.dataset.key = optionsKey;
          planSelect.replaceChildren(...openPlans.map((p) => h('option', { value: String(p.id) },
            `plan ${p.id}: ${p.lockEras} eras, ×${p.multiplier / 100}, from ${formatAmount(p.minAmount, tokens.qas)}`)));
          if (openPlans.some((p) => String(p.id) === chosen)) planSelect.value = chosen;
        }

        const list = positions ? positions.map((p) => ({
          id: p.id.toNumber(),
          plan: p.plan.toNumber(),
          amount: p.amount.toBigInt(),
          weight: p.weight.toBigInt(),
          startEra: p.startEra.toNumber(),
          maturityEra: p.maturityEra.toNumber(),
        })) : [];
        claimButton.disabled = !pending || pending.isZero();
        refreshSection(positionsSection, keyOf([account, list, pending?.toString(), clock.era, lastSharedEra]), () => {
          if (!account) return h('p', { class: 'muted' }, 'Choose an account at the top to see and make deposits.');
          return [
            table([
              { label: 'Position', cell: (p) => String(p.id) },
              { label: 'Plan', cell: (p) => String(p.plan) },
              { label: 'Deposited', class: 'num', cell: (p) => formatAmount(p.amount, tokens.qas) },
              { label: 'Weight', class: 'num', cell: (p) => `×${Number((p.weight * 100n) / (p.amount || 1n)) / 10000}` },
              { label: 'Earns from era', class: 'num', cell: (p) => String(p.startEra) },
              { label: 'Maturity', cell: (p) => maturityText(p, clock, lastSharedEra) },
              {
                label: '',
                cell: (p) => h('button', {
                  type: 'button',
                  disabled: !isMature(p, clock, lastSharedEra),
                  testid: `withdraw-${p.id}`,
                  onclick: () => withdraw(p.id),
                }, 'Withdraw'),
              },
            ], list, { empty: 'No position.', testid: 'positions', rowTestid: (p) => `position-${p.id}` }),
            h('p', { testid: 'deposits-pending' }, 'Earned and not yet claimed: ',
              h('strong', {}, formatAmount(pending, tokens.qqq)), ' (over all positions).'),
          ];
        });
      },
    };
  },
};

function plainPlan(plan) {
  return {
    lockEras: plan.lockEras.toNumber(),
    multiplier: plan.rewardMultiplier.toNumber(),
    minAmount: plan.minAmount.toBigInt(),
    open: plan.open.isTrue,
  };
}

/** Withdrawable: its maturity era has come and the last era of its term has been shared. */
function isMature(position, clock, lastSharedEra) {
  return clock.era >= position.maturityEra && lastSharedEra !== null && lastSharedEra >= position.maturityEra - 1;
}

function maturityText(position, clock, lastSharedEra) {
  if (isMature(position, clock, lastSharedEra)) return `mature since era ${position.maturityEra}: withdraw any time`;
  if (clock.era >= position.maturityEra) return `era ${position.maturityEra}: withdrawable once era ${position.maturityEra - 1} settles`;
  const blocks = clock.blocksLeft + (position.maturityEra - clock.era - 1) * clock.length;
  return `era ${position.maturityEra} (~${formatDuration(blocks * clock.blockMs)})`;
}
