import { useEffect, useState } from 'react';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import {
  cancelPlan,
  loadOffers,
  loadPlan,
  loadPurchases,
  setAutoTopUp,
  startCheckout,
} from './api';
import {
  checkoutReturn,
  formatPrice,
  planAllowance,
  purchaseLabels,
  settled,
  type Offers,
  type Plan,
  type Purchase,
} from './billing';

function online(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

/**
 * The member's plan and what they can buy: paid plans and token packs through the payment provider's checkout
 * (the member is sent there and comes back here), auto top-up on the saved card, and their purchases. Tokens
 * arrive when the provider confirms the payment, so after a checkout this follows the purchase until it is paid.
 */
export function PlanSection({ onTokensChanged }: { onTokensChanged: () => void }) {
  const api = useApi();
  const [returned] = useState(() => checkoutReturn(window.location.search));
  const plan = useResource((signal) => loadPlan(api, signal), [api]);
  const offers = useResource((signal) => loadOffers(api, signal), [api]);
  const [purchases, setPurchases] = useState<Purchase[] | null>(null);
  const [waiting, setWaiting] = useState(returned?.outcome === 'success');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  // The purchases, and after a checkout: again every 1.5 s until the provider's confirmation is in (30 s at most).
  useEffect(() => {
    const controller = new AbortController();
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const purchaseId = returned?.outcome === 'success' ? returned.purchaseId : null;
    const poll = () => {
      loadPurchases(api, controller.signal).then(
        (items) => {
          setPurchases(items);
          if (!waiting) return;
          if (settled(items, purchaseId) || tries >= 20) {
            setWaiting(false);
            plan.reload();
            onTokensChanged();
          } else {
            tries += 1;
            timer = setTimeout(poll, 1500);
          }
        },
        (failure: unknown) => {
          if (!controller.signal.aborted) setError(toUiError(failure, online()));
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // Runs once per wait: the reloads it triggers must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, waiting]);

  const act = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(toUiError(failure, online()));
    } finally {
      setBusy(null);
    }
  };

  const checkout = (key: string, offer: { pack_id: string } | { plan_id: string }) =>
    act(key, async () => {
      const { checkout_url: url } = await startCheckout(api, offer);
      if (url) window.location.assign(url);
    });

  if (plan.status === 'loading' || offers.status === 'loading') {
    return <Loading label="Loading your plan…" />;
  }
  if (plan.status === 'error') return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (offers.status === 'error')
    return <ErrorNotice error={offers.error} onRetry={offers.reload} />;

  return (
    <div className="account-plan">
      {returned && (
        <div
          className={`vf-notice ${returned.outcome === 'success' ? 'vf-notice--info' : ''}`}
          role="status"
          id="checkout-status"
        >
          <p className="vf-notice__text">
            {returned.outcome === 'canceled'
              ? 'Checkout canceled: nothing was charged.'
              : waiting
                ? 'Thank you! Waiting for the payment to be confirmed…'
                : 'Payment confirmed: your tokens are in your balance.'}
          </p>
        </div>
      )}
      <CurrentPlan
        plan={plan.data}
        offers={offers.data}
        busy={busy}
        onCancel={() =>
          void act('cancel', async () => {
            await cancelPlan(api);
            plan.reload();
          })
        }
      />
      <PlanChoices
        plan={plan.data}
        offers={offers.data}
        busy={busy}
        onSubscribe={(id) => void checkout(`plan-${id}`, { plan_id: id })}
      />
      <div className="account-packs">
        <h3 className="account-subtitle">Token packs</h3>
        <p className="vf-card__note">
          Bought once, never expire. Paying saves your card for auto top-up.
        </p>
        <div className="account-actions">
          {(offers.data.packs ?? []).map((pack) => (
            <button
              key={pack.id}
              type="button"
              className="vf-button vf-button--quiet"
              id={`buy-${pack.id}`}
              disabled={busy !== null}
              onClick={() => void checkout(`pack-${pack.id}`, { pack_id: pack.id ?? '' })}
            >
              {new Intl.NumberFormat().format(pack.tokens ?? 0)} tokens ·{' '}
              {formatPrice(pack.price_cents, offers.data.currency)}
            </button>
          ))}
        </div>
      </div>
      <AutoTopUp
        plan={plan.data}
        offers={offers.data}
        busy={busy}
        onChange={(enabled, packId) =>
          void act('auto-topup', async () => {
            await setAutoTopUp(api, enabled, packId);
            plan.reload();
            onTokensChanged();
          })
        }
      />
      {error && <ErrorNotice error={error} className="account-gap" />}
      <Purchases purchases={purchases} />
    </div>
  );
}

function CurrentPlan({
  plan,
  offers,
  busy,
  onCancel,
}: {
  plan: Plan;
  offers: Offers;
  busy: string | null;
  onCancel: () => void;
}) {
  const paid = plan.plan_id !== 'free';
  return (
    <div className="account-plan__current">
      <p className="account-plan__name" id="plan-name">
        {plan.plan_name} plan
        {plan.status === 'past_due' && (
          <span className="account-plan__flag"> · payment failed</span>
        )}
        {plan.status === 'canceling' && (
          <span className="account-plan__flag"> · ends with this cycle</span>
        )}
      </p>
      <p>
        {planAllowance({ tokens_per_cycle: plan.tokens_per_cycle, cycle_days: paid ? 28 : 0 })}
        {paid && ` for ${formatPrice(plan.price_cents, offers.currency)}`}
        {plan.next_grant_at && `; next on ${formatDate(plan.next_grant_at)}`}. Unused tokens roll
        over for {plan.rollover_cycles} more cycles.
      </p>
      {plan.status === 'past_due' && (
        <p className="vf-card__note">
          The last renewal could not be charged. Your card provider may ask you to confirm it.
        </p>
      )}
      {paid && plan.status !== 'canceling' && (
        <button
          type="button"
          className="vf-button vf-button--quiet vf-button--small"
          id="cancel-plan"
          disabled={busy !== null}
          onClick={onCancel}
        >
          Cancel plan
        </button>
      )}
    </div>
  );
}

function PlanChoices({
  plan,
  offers,
  busy,
  onSubscribe,
}: {
  plan: Plan;
  offers: Offers;
  busy: string | null;
  onSubscribe: (id: string) => void;
}) {
  const paidPlans = (offers.plans ?? []).filter((p) => p.id !== 'free');
  if (plan.plan_id !== 'free' || paidPlans.length === 0) return null;
  return (
    <div className="account-plans">
      <h3 className="account-subtitle">More tokens every cycle</h3>
      <ul className="account-plans__list">
        {paidPlans.map((p) => (
          <li key={p.id} className="account-plans__item">
            <p className="account-plan__name">{p.name}</p>
            <p>{planAllowance(p)}</p>
            <button
              type="button"
              className="vf-button vf-button--small"
              id={`subscribe-${p.id}`}
              disabled={busy !== null}
              onClick={() => onSubscribe(p.id ?? '')}
            >
              Subscribe · {formatPrice(p.price_cents, offers.currency)} / {p.cycle_days} days
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AutoTopUp({
  plan,
  offers,
  busy,
  onChange,
}: {
  plan: Plan;
  offers: Offers;
  busy: string | null;
  onChange: (enabled: boolean, packId: string) => void;
}) {
  const packs = offers.packs ?? [];
  const [packId, setPackId] = useState(plan.auto_topup_pack_id ?? packs[0]?.id ?? '');
  return (
    <div className="account-autotopup">
      <h3 className="account-subtitle">Auto top-up</h3>
      {!plan.payment_method_saved ? (
        <p className="vf-card__note" id="auto-topup-needs-card">
          Buy a pack once and its card is saved: then a pack can be charged to it automatically when
          your tokens run low.
        </p>
      ) : (
        <div className="account-actions">
          <label>
            Pack{' '}
            <select
              value={packId}
              onChange={(e) => setPackId(e.target.value)}
              disabled={busy !== null}
              id="auto-topup-pack"
            >
              {packs.map((p) => (
                <option key={p.id} value={p.id}>
                  {new Intl.NumberFormat().format(p.tokens ?? 0)} tokens ·{' '}
                  {formatPrice(p.price_cents, offers.currency)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="vf-button vf-button--small"
            id="auto-topup-toggle"
            disabled={busy !== null}
            onClick={() => onChange(!plan.auto_topup_enabled, packId)}
          >
            {plan.auto_topup_enabled ? 'Turn off' : 'Turn on'}
          </button>
          <p className="vf-card__note">
            {plan.auto_topup_enabled
              ? 'On: below a fifth of the pack, it is charged to your saved card (at most once a cycle).'
              : 'Off.'}
          </p>
        </div>
      )}
    </div>
  );
}

function Purchases({ purchases }: { purchases: Purchase[] | null }) {
  if (purchases === null) return <Loading label="Loading your purchases…" />;
  if (purchases.length === 0) return <p className="account-empty">No purchases yet.</p>;
  return (
    <table className="account-table" id="purchases">
      <caption>Purchases</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">What</th>
          <th scope="col">Tokens</th>
          <th scope="col">Amount</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {purchases.map((p) => {
          const labels = purchaseLabels(p);
          return (
            <tr key={p.id}>
              <td>{formatDate(p.created_at)}</td>
              <td>{labels.what}</td>
              <td>{new Intl.NumberFormat().format(p.tokens ?? 0)}</td>
              <td>{formatPrice(p.amount_cents, p.currency)}</td>
              <td>
                {labels.status}
                {p.failure_reason ? `: ${p.failure_reason}` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
