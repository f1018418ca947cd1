import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface PartBoundaryProps {
  children: ReactNode;
  /** Told of every error a part throws while rendering (the host's `onError`). */
  onError?: (error: unknown, info: ErrorInfo) => void;
  /** What stands in for the part: an alert with a way to render it again. */
  fallback: (error: unknown, retry: () => void) => ReactNode;
}

interface PartBoundaryState {
  failed: boolean;
  error: unknown;
}

/**
 * Keeps one part's failure inside that part: the part is replaced by `fallback` (an alert with Retry), the rest
 * of the viewer and the host's page stay, and the host hears of it through `onError`. React has error
 * boundaries only as class components.
 */
export class PartBoundary extends Component<PartBoundaryProps, PartBoundaryState> {
  override state: PartBoundaryState = { failed: false, error: undefined };

  static getDerivedStateFromError(error: unknown): PartBoundaryState {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  private readonly retry = (): void => this.setState({ failed: false, error: undefined });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
