import { formatDate, formatNumber } from '../../ui/format';
import type { Balance } from './api';

function tokens(n: number | undefined | null): string {
  const value = Math.max(0, n ?? 0);
  return `${formatNumber(value)} ${value === 1 ? 'token' : 'tokens'}`;
}

const PACKS: Record<string, string> = {
  small: 'the small pack (500 tokens)',
  large: 'the large pack (2,500 tokens)',
};

/** The token balance: what is available now and how it came to be. */
export function TokensSection({ balance }: { balance: Balance }) {
  const remaining = Math.max(0, balance.remaining ?? 0);
  const expiring = (balance.expiring ?? []).filter((lot) => (lot.tokens ?? 0) > 0);
  return (
    <div className="account-tokens">
      <div className="account-tokens__main">
        <p className="vf-card__figure" id="account-remaining">
          {formatNumber(remaining)}
        </p>
        <p>{remaining === 1 ? 'token' : 'tokens'} available for VIVA and narration</p>
        {(balance.monthly_drip ?? 0) > 0 && balance.next_drip_at && (
          <p className="vf-card__note">
            {tokens(balance.monthly_drip)} more on {formatDate(balance.next_drip_at)}.
          </p>
        )}
      </div>
      <dl className="account-figures">
        <div>
          <dt>Held for replies in progress</dt>
          <dd>{tokens(balance.reserved)}</dd>
        </div>
        <div>
          <dt>Used so far</dt>
          <dd>{tokens(balance.used)}</dd>
        </div>
        <div>
          <dt>Received in all</dt>
          <dd>{tokens(balance.granted)}</dd>
        </div>
        <div>
          <dt>Expired unused</dt>
          <dd>{tokens(balance.expired)}</dd>
        </div>
        <div>
          <dt>Monthly allowance</dt>
          <dd>{tokens(balance.monthly_drip)}</dd>
        </div>
        <div>
          <dt>Auto top-up</dt>
          <dd>
            {balance.auto_topup_enabled
              ? `On, with ${PACKS[balance.auto_topup_pack_id ?? ''] ?? 'a pack'}`
              : 'Off'}
          </dd>
        </div>
      </dl>
      {expiring.length > 0 && (
        <div className="account-expiring">
          <p className="account-expiring__title">Expiring soon</p>
          <ul>
            {expiring.map((lot, i) => (
              <li key={`${lot.expires_at ?? ''}-${i}`}>
                {tokens(lot.tokens)} on {formatDate(lot.expires_at)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
