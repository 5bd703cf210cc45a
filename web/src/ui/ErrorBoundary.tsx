import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What to call the part that failed, e.g. "this screen". */
  what?: string;
}

interface State {
  failed: boolean;
}

/**
 * Catches a render error (or a screen's code failing to load after a new release) and shows a
 * way out instead of a blank page. Keyed by route in the layout, so navigating away resets it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Render failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="vf-notice vf-notice--error" role="alert">
        <div className="vf-notice__body">
          <p className="vf-notice__title">Something went wrong</p>
          <p className="vf-notice__text">
            We couldn't show {this.props.what ?? 'this page'}. Reloading usually fixes it; nothing
            you saved is lost.
          </p>
        </div>
        <button
          type="button"
          className="vf-button vf-button--small"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </div>
    );
  }
}
