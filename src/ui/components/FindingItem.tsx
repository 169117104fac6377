/** One finding: where, what, and the suggested replacements as buttons. */
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ruleTitle, SEVERITY_LABEL, type Finding } from '../../engine';
import { fixLabel } from '../../app';
import { SEVERITY_COLOR } from './SeverityCounts';

const useStyles = makeStyles({
  item: {
    listStyleType: 'none',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeftWidth: '3px',
    overflow: 'hidden',
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderLeftWidth: '3px',
  },
  go: {
    display: 'grid',
    gap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    background: 'transparent',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 4px',
  },
  rule: { color: tokens.colorNeutralForeground3 },
  severity: { fontWeight: tokens.fontWeightSemibold },
  message: { wordBreak: 'break-word' },
  fixes: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  fix: { maxWidth: '100%', justifyContent: 'flex-start' },
  fixText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export interface FindingItemProps {
  readonly finding: Finding;
  /** the cell's text when checked (to show only what a suggestion changes) */
  readonly cellText?: string;
  readonly selected: boolean;
  readonly busy: boolean;
  readonly onGo: (f: Finding) => void;
  readonly onApply: (f: Finding, index: number) => void;
}

export function FindingItem({
  finding: f,
  cellText,
  selected,
  busy,
  onGo,
  onApply,
}: FindingItemProps) {
  const styles = useStyles();
  return (
    <li
      className={mergeClasses(styles.item, selected && styles.selected)}
      style={{ borderLeftColor: SEVERITY_COLOR[f.severity] }}
      data-rule={f.rule}
      data-cell={`${f.sheet}!${f.cell}`}
    >
      <button
        type="button"
        className={styles.go}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${SEVERITY_LABEL[f.severity]}，单元格 ${f.cell}，${ruleTitle(f.rule)}：${f.message}`}
        onClick={() => onGo(f)}
      >
        <span className={styles.head}>
          <span className={styles.cell}>{f.cell}</span>
          <Text
            size={200}
            className={styles.severity}
            style={{ color: SEVERITY_COLOR[f.severity] }}
          >
            {SEVERITY_LABEL[f.severity]}
          </Text>
          <Text size={200} className={styles.rule}>
            {ruleTitle(f.rule)}
          </Text>
        </span>
        <Text size={300} className={styles.message}>
          {f.message}
        </Text>
      </button>
      {f.suggestions.length > 0 && (
        <div className={styles.fixes}>
          {f.suggestions.map((s, i) => {
            const label = fixLabel(cellText, s.text);
            return (
              <Button
                key={i}
                size="small"
                appearance={i === 0 ? 'primary' : 'secondary'}
                className={styles.fix}
                disabled={busy || s.replacesFormula}
                title={s.replacesFormula ? `${s.text}（公式单元格，请检查公式中的各项）` : s.text}
                aria-label={`${f.cell} ${label.verb}“${label.text}”`}
                onClick={() => onApply(f, i)}
              >
                <span className={styles.fixText}>
                  {label.verb}“{label.text}”
                </span>
              </Button>
            );
          })}
        </div>
      )}
    </li>
  );
}
