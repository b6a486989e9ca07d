'use client';
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode; resetKey?: string; what: string };
type State = { error: Error | null; resetKey: string | undefined };

/**
 * Catches a render error of one panel (e.g. a paginated query that failed) and shows it with a
 * retry button; changing `resetKey` (e.g. the selected table) clears it. React offers error
 * boundaries only as class components.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { resetKey: props.resetKey, error: null } : null;
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Shown in the panel; nothing else to do.
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="panel error">
        <strong>Could not load {this.props.what}.</strong> {this.state.error.message}{' '}
        <button onClick={() => this.setState({ error: null })}>Retry</button>
      </div>
    );
  }
}
