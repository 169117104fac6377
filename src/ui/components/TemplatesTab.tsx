/** 模板: pick one of the three forms, set its options, see a preview, insert it as a new sheet. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { TEMPLATE_INFO } from '../../app';
import { buildTemplate } from '../../templates';
import { useApp, useAppState } from '../hooks';
import { ErrorBar } from './ErrorBar';
import { AddSheetIcon } from './icons';
import { TemplateOptionsForm } from './TemplateOptionsForm';
import { TemplatePicker } from './TemplatePicker';
import { TemplatePreview } from './TemplatePreview';
import { Section } from './Section';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'minmax(0, 1fr)' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function TemplatesTab() {
  const app = useApp();
  const state = useAppState((s) => s.templates);
  const styles = useStyles();
  const options = state.options[state.kind];
  const preview = useMemo(() => {
    try {
      return buildTemplate(state.kind, options);
    } catch {
      return null;
    }
  }, [state.kind, options]);
  const busy = state.status === 'inserting';
  const last = state.inserted[state.inserted.length - 1];
  return (
    <div className={styles.root}>
      <Section title="选择模板">
        <TemplatePicker value={state.kind} onChange={app.chooseTemplate} />
      </Section>
      <Section title="选项">
        <TemplateOptionsForm
          kind={state.kind}
          options={options}
          onChange={(o) => app.setTemplateOptions(state.kind, o as never)}
        />
      </Section>
      <Section title="预览">
        {preview ? (
          <TemplatePreview sheet={preview.sheet} title={TEMPLATE_INFO[state.kind].title} />
        ) : (
          <Text className={styles.hint}>无法生成预览，请检查选项。</Text>
        )}
      </Section>
      {state.error && (
        <ErrorBar
          title="未能插入模板"
          message={state.error}
          onDismiss={() => app.dismiss('templates')}
        />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={busy ? <Spinner size="tiny" /> : <AddSheetIcon />}
          disabled={busy}
          onClick={() => void app.insertTemplate()}
        >
          {busy ? '正在插入…' : '插入为新工作表'}
        </Button>
        <Text size={200} className={styles.hint}>
          不会改动现有工作表
        </Text>
      </div>
      <div aria-live="polite">
        {last && !busy && !state.error && (
          <MessageBar intent="success">
            <MessageBarBody>已插入新工作表“{last}”并选中。</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
