/**
 * Plan and billing of one workspace (#/w/{ws}/billing): the plan with a meter
 * per limit (owners, managers, members) and, where this server caps a limit whatever the plan
 * (people in one call), that cap, and for owners the upgrade through the
 * provider's checkout page, cancel/resume, invoices (printable) — docs/billing.md.
 * Coming back from a checkout (?payment=…&result=success) waits for the
 * provider's webhook to change the plan; the redirect itself proves nothing.
 * Coming back without paying (?payment=…&result=cancel) asks the payment what happened:
 * declined (with the provider's reason) or cancelled, and offers to try again.
 */
import * as api from '../api.js';
import { bind, formatDate, getLanguage, hasKey, t, tx } from '../i18n.js';
import { h, withBusy } from '../dom.js';
import { describeError } from '../forms.js';
import { pageHeader, statusLine, toastError } from './ui.js';

const LIMITS = ['MEMBERS', 'BOARDS', 'STORAGE_BYTES', 'FILE_BYTES', 'CALL_PARTICIPANTS', 'MESSAGE_HISTORY_DAYS', 'INTEGRATIONS'];
const BYTES = new Set(['STORAGE_BYTES', 'FILE_BYTES']);
const WAIT_MS = 30_000;

function panel(id, titleKey, ...children) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': id, testid: id },
    h('header', { class: 'panel-header' }, h('h2', { class: 'panel-title', id, i18n: titleKey })),
    ...children,
  );
}

function formatBytes(value) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = Number(value);
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[unit]}`;
}

function amount(limit, value) {
  if (value == null) return t('billing.unlimited');
  return BYTES.has(limit) ? formatBytes(value) : new Intl.NumberFormat(getLanguage()).format(value);
}

/** What this server allows of a limit whatever the plan (people in one call: the full mesh), said next to it. */
function ceilingNote(limit, ceiling) {
  const key = hasKey(`billing.ceiling.${limit}`) ? `billing.ceiling.${limit}` : 'billing.ceiling';
  return h('span', { class: 'row-meta billing-ceiling', testid: 'billing-limit-ceiling', i18n: key, i18nParams: { max: () => amount(limit, ceiling) } });
}

/** "49,000 KRW" / "39.00 USD" from minor units (no floating point involved in the sums). */
function money(minor, currency) {
  const digits = currency === 'KRW' ? 0 : 2;
  const text = String(minor).padStart(digits + 1, '0');
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? `.${text.slice(-digits)}` : '';
  return `${new Intl.NumberFormat('en').format(Number(whole))}${fraction} ${currency}`;
}

/** #/w/{ws}/billing */
export function renderBilling(main, ctx) {
  const workspaceId = ctx.workspaceId;
  const body = h('div', { class: 'page-body' });
  main.append(pageHeader({ title: tx('billing.title'), subtitle: () => ctx.workspace()?.name ?? '' }), body);
  const status = statusLine('billing-status');
  let alive = true;
  let waitUntil = 0;

  const query = ctx.query ?? new URLSearchParams();
  if (query.get('result') === 'success') waitUntil = Date.now() + WAIT_MS;
  if (query.get('result') === 'cancel') explainUnpaid(query.get('payment'), Date.now() + WAIT_MS);

  /** A checkout that came back unpaid: declined (the provider's reason) or cancelled, with a retry. */
  async function explainUnpaid(paymentId, until) {
    if (!paymentId) {
      status.set(tx('billing.checkoutCancelled'));
      return;
    }
    let payment;
    try {
      payment = await api.getPayment(workspaceId, paymentId);
    } catch (err) {
      if (alive) status.set(() => describeError(err), { variant: 'error' });
      return;
    }
    if (!alive) return;
    // The provider tells the server by webhook: until it has, the payment is still open.
    if ((payment.status === 'PENDING' || payment.status === 'CREATED') && Date.now() < until) {
      status.set(tx('billing.checking'));
      setTimeout(() => alive && explainUnpaid(paymentId, until), 1000);
      return;
    }
    const declined = payment.status === 'FAILED';
    const reason = payment.failureReason ?? '';
    status.set(
      declined
        ? () => t('billing.declined', { reason: hasKey(`billing.declineReason.${reason}`) ? t(`billing.declineReason.${reason}`) : reason || t('billing.declineReason.unknown') })
        : tx('billing.checkoutCancelled'),
      { variant: declined ? 'error' : undefined },
    );
    status.el.dataset.outcome = declined ? 'declined' : 'cancelled';
    if (ctx.workspace()?.myRole === 'OWNER' && payment.purpose === 'UPGRADE') status.el.append(' ', retryButton(payment));
  }

  /** Starts a new checkout for the same plan, period and currency. */
  function retryButton(payment) {
    const retry = h('button', { type: 'button', class: 'btn btn-primary btn-sm', testid: 'billing-retry', i18n: 'billing.retryPayment' });
    retry.addEventListener('click', () =>
      withBusy(retry, async () => {
        try {
          const started = await api.startCheckout(workspaceId, { plan: payment.plan, period: payment.period, currency: payment.currency, locale: getLanguage() });
          location.assign(started.checkoutUrl);
        } catch (err) {
          toastError(err);
        }
      }),
    );
    return retry;
  }

  async function load() {
    let plan;
    try {
      plan = await api.getPlan(workspaceId);
    } catch (err) {
      if (!alive) return;
      if (err.status === 403) {
        body.replaceChildren(h('p', { class: 'empty-state', testid: 'billing-guest', i18n: 'billing.guestNote' }));
        return;
      }
      body.replaceChildren(status.el);
      status.set(() => describeError(err), { retry: load, variant: 'error' });
      return;
    }
    const owner = ctx.workspace()?.myRole === 'OWNER';
    const [subscription, invoices] = owner
      ? await Promise.all([api.getSubscription(workspaceId), api.listInvoices(workspaceId)]).catch((err) => {
          toastError(err);
          return [null, []];
        })
      : [null, []];
    if (!alive) return;
    body.replaceChildren(status.el, planPanel(plan), owner ? managePanel(plan, subscription) : h('p', { class: 'muted', i18n: 'billing.ownersOnly' }));
    if (owner) body.append(invoicesPanel(invoices));
    if (waitUntil) {
      if (plan.plan !== 'FREE') {
        waitUntil = 0;
        status.set(tx('billing.upgraded', { plan: plan.planName }), { variant: 'success' });
      } else if (Date.now() < waitUntil) {
        status.set(tx('billing.waiting'));
        setTimeout(() => alive && load(), 1000);
      } else {
        waitUntil = 0;
        status.set(tx('billing.notYet'), { retry: load });
      }
    }
  }

  function planPanel(plan) {
    const meters = h('ul', { class: 'row-list', testid: 'billing-limits' });
    for (const name of LIMITS) {
      const limit = plan.limits.find((l) => l.limit === name);
      if (!limit) continue;
      const fraction = limit.max && limit.used != null ? Math.min(1, limit.used / limit.max) : 0;
      const usedText = limit.used == null ? '' : `${amount(name, limit.used)} / `;
      meters.append(
        h(
          'li',
          { class: 'row', testid: 'billing-limit', dataset: { limit: name, over: String(limit.over) } },
          h(
            'div',
            { class: 'row-main' },
            h('span', { class: 'row-title', i18n: `billing.limit.${name}` }),
            h('span', { class: 'row-meta', testid: 'billing-limit-value', text: `${usedText}${amount(name, limit.max)}` }),
            limit.max != null && limit.used != null
              ? h('progress', { max: '100', value: String(Math.round(fraction * 100)), class: 'billing-meter' })
              : null,
            limit.over ? h('span', { class: 'badge', i18n: 'billing.readOnly' }) : null,
            limit.ceiling != null ? ceilingNote(name, limit.ceiling) : null,
          ),
        ),
      );
    }
    const summary = h('p', { testid: 'billing-plan' }, h('strong', { testid: 'billing-plan-name', text: plan.planName }));
    if (plan.periodEnd) {
      summary.append(' ', bind(h('span', { class: 'muted' }), {
        text: () => t(plan.cancelAtPeriodEnd ? 'billing.endsOn' : 'billing.renewsOn', { date: formatDate(plan.periodEnd) }),
      }));
    }
    if (plan.status === 'PAST_DUE') summary.append(' ', h('span', { class: 'badge', i18n: 'billing.pastDue' }));
    return panel('billing-plan-panel', 'billing.planTitle', summary, meters);
  }

  function managePanel(plan, subscription) {
    const content = h('div', { class: 'panel-body' });
    // The highest-ranked plan that has prices (docs/billing.md: PREMIUM as seeded).
    const premium = plan.plans.filter((p) => p.prices.length).sort((a, b) => b.rank - a.rank)[0];
    if (plan.plan === 'FREE' || plan.status === 'PAST_DUE') {
      if (!premium) return panel('billing-manage', 'billing.manageTitle', content);
      const period = h('select', { testid: 'billing-period', 'aria-label': t('billing.period') });
      const currency = h('select', { testid: 'billing-currency', 'aria-label': t('billing.currency') });
      for (const p of ['MONTHLY', 'YEARLY']) period.append(h('option', { value: p, i18n: `billing.period.${p}` }));
      for (const c of [...new Set(premium.prices.map((p) => p.currency))]) currency.append(h('option', { value: c, text: c }));
      const price = h('span', { class: 'billing-price', testid: 'billing-price' });
      const showPrice = () => {
        const match = premium.prices.find((p) => p.period === period.value && p.currency === currency.value);
        price.textContent = match ? money(match.amount, match.currency) : '';
      };
      period.addEventListener('change', showPrice);
      currency.addEventListener('change', showPrice);
      if (getLanguage() !== 'ko') currency.value = premium.prices.some((p) => p.currency === 'USD') ? 'USD' : currency.value;
      showPrice();
      const upgrade = h('button', { type: 'button', class: 'btn btn-primary', testid: 'billing-upgrade', i18n: 'billing.upgrade', i18nParams: { plan: premium.name } });
      upgrade.addEventListener('click', () =>
        withBusy(upgrade, async () => {
          try {
            const started = await api.startCheckout(workspaceId, { plan: premium.code, period: period.value, currency: currency.value, locale: getLanguage() });
            location.assign(started.checkoutUrl);
          } catch (err) {
            toastError(err);
          }
        }),
      );
      content.append(h('div', { class: 'form-row' }, period, currency, price, upgrade));
    } else if (subscription) {
      const cancelled = subscription.cancelAtPeriodEnd;
      const button = h('button', {
        type: 'button',
        class: cancelled ? 'btn btn-primary' : 'btn btn-danger',
        testid: cancelled ? 'billing-resume' : 'billing-cancel',
        i18n: cancelled ? 'billing.resume' : 'billing.cancel',
      });
      button.addEventListener('click', () =>
        withBusy(button, async () => {
          try {
            await (cancelled ? api.resumeSubscription(workspaceId) : api.cancelSubscription(workspaceId));
            await load();
          } catch (err) {
            toastError(err);
          }
        }),
      );
      content.append(h('p', { class: 'muted', i18n: cancelled ? 'billing.cancelledNote' : 'billing.cancelNote' }), button);
    }
    return panel('billing-manage', 'billing.manageTitle', content);
  }

  function invoicesPanel(invoices) {
    const list = h('ul', { class: 'row-list', testid: 'billing-invoices' });
    if (!invoices.length) list.append(h('li', { class: 'empty-state', i18n: 'billing.noInvoices' }));
    for (const invoice of invoices) {
      const print = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'invoice-print', i18n: 'billing.print' });
      print.addEventListener('click', () =>
        withBusy(print, async () => {
          try {
            const html = await api.printableInvoice(workspaceId, invoice.id, getLanguage());
            const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
            window.open(url, '_blank', 'noopener');
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
          } catch (err) {
            toastError(err);
          }
        }),
      );
      list.append(
        h(
          'li',
          { class: 'row', testid: 'invoice-row', dataset: { status: invoice.status } },
          h(
            'div',
            { class: 'row-main' },
            h('span', { class: 'row-title', testid: 'invoice-number', text: invoice.number }),
            h('span', { class: 'row-meta', text: `${formatDate(invoice.issuedAt)} · ${money(invoice.amount, invoice.currency)}` }),
            h('span', { class: 'badge', i18n: `billing.invoiceStatus.${invoice.status}` }),
          ),
          h('div', { class: 'row-actions' }, print),
        ),
      );
    }
    return panel('billing-invoices-panel', 'billing.invoicesTitle', list);
  }

  load();
  return {
    cleanup: () => {
      alive = false;
    },
    update: (q) => {
      if (q.get('result') === 'success') waitUntil = Date.now() + WAIT_MS;
      load();
    },
  };
}
