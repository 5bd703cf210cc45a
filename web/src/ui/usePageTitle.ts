import { useEffect } from 'react';

/** Sets the tab title ("Journal · VibrationFit"), so each screen is named in history and by screen readers. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · VibrationFit` : 'VibrationFit';
  }, [title]);
}
