import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A 402 from VIVA: what it would have cost, said as a warning, with the way to more tokens. */
export function NotEnoughTokens({ children }: { children: ReactNode }) {
  return (
    <div className="vf-notice vf-notice--warning viva-gap" role="alert">
      <div className="vf-notice__body">
        <p className="vf-notice__title">Not enough tokens</p>
        <p className="vf-notice__text">{children}</p>
      </div>
      <Link className="vf-button vf-button--small vf-button--quiet" to="/account">
        See your tokens
      </Link>
    </div>
  );
}
