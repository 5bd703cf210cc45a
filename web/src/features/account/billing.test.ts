import { describe, expect, it } from 'vitest';
import {
  checkoutReturn,
  formatPrice,
  planAllowance,
  purchaseLabels,
  settled,
  type Purchase,
} from './billing';

describe('billing', () => {
  it('reads what checkout said when it sent the member back', () => {
    expect(checkoutReturn('?checkout=success&purchase=p1')).toEqual({
      outcome: 'success',
      purchaseId: 'p1',
    });
    expect(checkoutReturn('?checkout=canceled&purchase=p1')).toEqual({ outcome: 'canceled' });
    expect(checkoutReturn('?tab=usage')).toBeNull();
    expect(checkoutReturn('')).toBeNull();
  });

  it('formats cents as the currency', () => {
    expect(formatPrice(499, 'usd')).toMatch(/4[.,]99/);
    expect(formatPrice(0, 'usd')).toMatch(/0[.,]00/);
    expect(formatPrice(999, 'not-a-currency')).toBe('9.99 NOT-A-CURRENCY');
  });

  it('knows when the purchase the member came back for is settled', () => {
    const items: Purchase[] = [
      { id: 'a', status: 'pending' },
      { id: 'b', status: 'paid' },
    ];
    expect(settled(items, 'a')).toBe(false);
    expect(settled(items, 'b')).toBe(true);
    expect(settled(items, 'c')).toBe(false);
  });

  it('labels purchases and plans in words', () => {
    expect(purchaseLabels({ kind: 'auto_topup', offer_id: 'small', status: 'failed' })).toEqual({
      what: 'Auto top-up (small)',
      status: 'Payment failed',
    });
    expect(planAllowance({ tokens_per_cycle: 100000, cycle_days: 28 })).toMatch(
      /^100.000 tokens every 28 days$/,
    );
    expect(planAllowance({ tokens_per_cycle: 100, cycle_days: 0 })).toBe('100 tokens a month');
  });
});
