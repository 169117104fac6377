/** The selected cell, its value and the findings on it, under the grid (a formula bar, in effect). */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ruleTitle, SEVERITY_LABEL, type Finding } from '../engine';
import { SEVERITY_COLOR, SeverityIcon } from '../ui/components/icons';

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    display: 'grid',
    gridTemplateColumns: '64px 1fr',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '28px',
  },
  address: {
    fontFamily: tokens.fontFamilyMonospace,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '1px 6px',
    textAlign: 'center',
  },
  body: { display: 'grid', gap: '2px', minWidth: 0 },
  value: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
});

export interface CellStatusProps {
  readonly address: string;
  readonly text: string;
  readonly findings: ReadonlyArray<Finding>;
}

export function CellStatus({ address, text, findings }: CellStatusProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} aria-live="polite" aria-label="选中的单元格">
      <Text className={styles.address}>{address}</Text>
      <div className={styles.body}>
        <Text className={styles.value} title={text}>
          {text || ' '}
        </Text>
        {findings.map((f, i) => (
          <Text key={i} size={200}>
            <SeverityIcon severity={f.severity} />{' '}
            <span style={{ color: SEVERITY_COLOR[f.severity], fontWeight: 600 }}>
              {SEVERITY_LABEL[f.severity]} · {ruleTitle(f.rule)}
            </span>
            ：{f.message}
          </Text>
        ))}
      </div>
    </div>
  );
}
