/** Progress of long work (checking or exporting sheet by sheet) with a cancel button. */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../../app';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  field: { flexGrow: 1 },
});

export interface ProgressPanelProps {
  /** `正在检查` / `正在导出` */
  readonly verb: string;
  readonly progress: Progress | null;
  readonly onCancel: () => void;
}

export function progressText(verb: string, p: Progress | null): string {
  if (!p || p.total === 0) return `${verb}…`;
  const where = p.sheet ? `工作表“${p.sheet}”` : '';
  return `${verb}${where}（${Math.min(p.done + 1, p.total)}/${p.total}）…`;
}

export function ProgressPanel({ verb, progress, onCancel }: ProgressPanelProps) {
  const styles = useStyles();
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Field className={styles.field} label={progressText(verb, progress)}>
        <ProgressBar value={value} thickness="large" aria-label={verb} />
      </Field>
      <Button onClick={onCancel}>取消</Button>
    </div>
  );
}
