/** The plan and purchases screen's rules, free of React so unit tests pin them. */
import type { Schemas } from '../../api/client';

export type Plan = Schemas['MemberPlan'];
export type Offers = Schemas['TokenOffers'];
export type Purchase = Schemas['Purchase'];

/** "$4.99" in the member's locale; the API gives whole minor units (cents). */
export function formatPrice(cents: number | undefined, currency: string | undefined): string {
  const code = (currency ?? 'usd').toUpperCase();
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(
      (cents ?? 0) / 100,
    );
  } catch {
    return `${((cents ?? 0) / 100).toFixed(2)} ${code}`;
  }
}

/** What the provider's checkout said when it sent the member back here (?checkout=success&purchase=...). */
export type CheckoutReturn =
  { outcome: 'success'; purchaseId: string | null } | { outcome: 'canceled' } | null;

export function checkoutReturn(search: string): CheckoutReturn {
  const params = new URLSearchParams(search);
  const outcome = params.get('checkout');
  if (outcome === 'success') return { outcome: 'success', purchaseId: params.get('purchase') };
  if (outcome === 'canceled') return { outcome: 'canceled' };
  return null;
}

const KINDS: Record<string, string> = {
  pack: 'Token pack',
  plan: 'Plan',
  renewal: 'Plan renewal',
  auto_topup: 'Auto top-up',
};

const STATUSES: Record<string, string> = {
  pending: 'Waiting for payment',
  paid: 'Paid',
  failed: 'Payment failed',
  refunded: 'Refunded',
  canceled: 'Canceled',
};

/** "Token pack: small" and "Paid" style labels for one purchase. */
export function purchaseLabels(p: Purchase): { what: string; status: string } {
  const kind = KINDS[p.kind ?? ''] ?? 'Purchase';
  return {
    what: `${kind} (${p.offer_id ?? ''})`,
    status: STATUSES[p.status ?? ''] ?? p.status ?? '',
  };
}

/** The member came back from checkout: is that purchase settled yet (paid, or ended otherwise)? */
export function settled(purchases: Purchase[], purchaseId: string | null): boolean {
  const p = purchases.find((x) => x.id === purchaseId);
  return p !== undefined && p.status !== 'pending';
}

/** A plan's line: "100,000 tokens every 28 days" or, for the free plan, "100 tokens a month". */
export function planAllowance(plan: { tokens_per_cycle?: number; cycle_days?: number }): string {
  const tokens = new Intl.NumberFormat().format(plan.tokens_per_cycle ?? 0);
  return plan.cycle_days
    ? `${tokens} tokens every ${plan.cycle_days} days`
    : `${tokens} tokens a month`;
}
