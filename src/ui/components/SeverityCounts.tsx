/** Counts by severity; each is a toggle that shows or hides that severity in the list. */
import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL, type Severity } from '../../engine';
import type { SeverityCounts as Counts } from '../../app';
import { SeverityIcon } from './icons';

export { SEVERITY_COLOR } from './icons';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  button: { minWidth: '0', gap: tokens.spacingHorizontalSNudge },
  count: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
});

export interface SeverityCountsProps {
  readonly counts: Counts;
  readonly shown: ReadonlyArray<Severity>;
  readonly onToggle: (severity: Severity) => void;
}

const ORDER: ReadonlyArray<Severity> = ['error', 'warning', 'info'];

export function SeverityCounts({ counts, shown, onToggle }: SeverityCountsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label="按严重程度筛选">
      {ORDER.map((s) => (
        <ToggleButton
          key={s}
          size="small"
          shape="circular"
          className={styles.button}
          checked={shown.includes(s)}
          aria-label={`${SEVERITY_LABEL[s]} ${counts[s]} 个`}
          onClick={() => onToggle(s)}
        >
          <SeverityIcon severity={s} />
          {SEVERITY_LABEL[s]}
          <span className={styles.count}>{counts[s]}</span>
        </ToggleButton>
      ))}
    </div>
  );
}
