/** A Chinese error message bar with a close button; announced to screen readers. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissIcon } from './icons';

export interface ErrorBarProps {
  readonly message: string;
  readonly title?: string;
  readonly onDismiss?: () => void;
}

export function ErrorBar({ message, title = '出错了', onDismiss }: ErrorBarProps) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="关闭提示"
              icon={<DismissIcon />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
