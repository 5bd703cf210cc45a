import { useState } from 'react';
import { useAuth } from '../auth/context';
import { Logo } from '../ui/Logo';
import { usePageTitle } from '../ui/usePageTitle';

/** What a signed-out visitor sees: what VibrationFit is, and one way in. */
export function Landing() {
  usePageTitle('');
  const { signIn, notice } = useAuth();
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);

  const onSignIn = () => {
    setLeaving(true);
    setFailed(false);
    signIn().catch(() => {
      setLeaving(false);
      setFailed(true);
    });
  };

  return (
    <main className="vf-landing" id="main">
      <div className="vf-landing__panel">
        <Logo className="vf-landing__mark" />
        <p className="vf-eyebrow">VibrationFit</p>
        <h1 className="vf-landing__title">Create the life you choose</h1>
        <p className="vf-landing__lead">
          Write your Life Vision, pin your goals on a vision board, journal your days and see each
          area of your life against the Green Line.
        </p>
        {(notice || failed) && (
          <div className="vf-notice vf-notice--warning vf-landing__notice" role="alert">
            <p className="vf-notice__text">
              {failed
                ? "We couldn't reach the sign-in page. Check your connection and try again."
                : notice}
            </p>
          </div>
        )}
        <button
          type="button"
          className="vf-button vf-button--large"
          onClick={onSignIn}
          disabled={leaving}
        >
          {leaving ? 'Opening sign-in…' : 'Sign in'}
        </button>
        <ul className="vf-landing__points">
          <li>Your vision, in your own words</li>
          <li>A daily journal and streak</li>
          <li>VIVA, your vision coach</li>
        </ul>
      </div>
    </main>
  );
}
