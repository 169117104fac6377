/** One finding: where, what, and the suggested changes as buttons (never for a formula cell). */
import {
  Button,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { ruleTitle, SEVERITY_LABEL, type Finding } from '../../engine';
import { fixLabel, FORMULA_ADVICE } from '../../app';
import { SEVERITY_COLOR, SeverityIcon } from './icons';

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
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
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
  fix: { maxWidth: '100%', justifyContent: 'flex-start', fontWeight: tokens.fontWeightRegular },
  fixText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  advice: { color: tokens.colorNeutralForeground3 },
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
  const messageId = useId();
  const formula = f.suggestions.some((s) => s.replacesFormula);
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
        aria-label={`${f.cell} ${SEVERITY_LABEL[f.severity]} ${ruleTitle(f.rule)}`}
        aria-describedby={messageId}
        onClick={() => onGo(f)}
      >
        <span className={styles.head}>
          <SeverityIcon severity={f.severity} />
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
        <Text id={messageId} size={300} className={styles.message}>
          {f.message}
        </Text>
      </button>
      {formula && (
        <div className={styles.fixes}>
          <Text size={200} className={styles.advice}>
            {FORMULA_ADVICE}
          </Text>
        </div>
      )}
      {!formula && f.suggestions.length > 0 && (
        <div className={styles.fixes}>
          {f.suggestions.map((s, i) => {
            const label = fixLabel(cellText, s.text);
            return (
              <Tooltip key={i} content={`改为：${s.text}`} relationship="description" withArrow>
                <Button
                  size="small"
                  appearance={i === 0 ? 'primary' : 'secondary'}
                  className={styles.fix}
                  disabled={busy}
                  aria-label={label.name}
                  onClick={() => onApply(f, i)}
                >
                  <span className={styles.fixText}>{label.text}</span>
                </Button>
              </Tooltip>
            );
          })}
        </div>
      )}
    </li>
  );
}
