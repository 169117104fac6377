/** Catches a rendering error so that the pane shows a Chinese message, never a blank page. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import { errorMessage } from '../../app';
import { ErrorBar } from './ErrorBar';

interface State {
  readonly error: unknown;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('绩效目标表助手', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div style={{ padding: 16, display: 'grid', gap: 12 }}>
        <ErrorBar title="界面出现错误" message={errorMessage(this.state.error, '显示')} />
        <div>
          <Button appearance="primary" onClick={() => this.setState({ error: null })}>
            重试
          </Button>
        </div>
      </div>
    );
  }
}
