/** Findings grouped by sheet, then by form, in sheet order. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { FORM_KIND_LABEL, SEVERITY_LABEL, type Finding } from '../../engine';
import { findingKey, type SheetGroup } from '../../app';
import { FindingItem } from './FindingItem';

/** Items rendered at most (a huge workbook stays responsive; the filter narrows the rest). */
export const MAX_ITEMS = 400;

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL },
  sheet: { display: 'grid', gap: tokens.spacingVerticalS },
  sheetTitle: {
    margin: 0,
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  counts: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  formTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  form: { display: 'grid', gap: tokens.spacingVerticalXS },
  list: { display: 'grid', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  more: { color: tokens.colorNeutralForeground3 },
});

export interface FindingListProps {
  readonly groups: ReadonlyArray<SheetGroup>;
  readonly selected: string | null;
  readonly busy: boolean;
  readonly onGo: (f: Finding) => void;
  readonly onApply: (f: Finding, index: number) => void;
}

function countsText(c: SheetGroup['counts']): string {
  return (['error', 'warning', 'info'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${SEVERITY_LABEL[s]} ${c[s]}`)
    .join(' · ');
}

export function FindingList({ groups, selected, busy, onGo, onApply }: FindingListProps) {
  const styles = useStyles();
  let budget = MAX_ITEMS;
  let hidden = 0;
  return (
    <div className={styles.root}>
      {groups.map((g) => (
        <section key={g.sheet} className={styles.sheet} aria-label={`工作表 ${g.sheet}`}>
          <h3 className={styles.sheetTitle}>
            <span>{g.sheet}</span>
            <span className={styles.counts}>{countsText(g.counts)}</span>
          </h3>
          {g.forms.map((fg) => {
            const title = fg.form
              ? fg.form.name || fg.form.title || FORM_KIND_LABEL[fg.form.kind]
              : '其他';
            const shown = fg.findings.slice(0, Math.max(0, budget));
            hidden += fg.findings.length - shown.length;
            budget -= shown.length;
            if (shown.length === 0) return null;
            return (
              <div key={fg.form?.index ?? -1} className={styles.form}>
                <h4 className={styles.formTitle}>
                  {title}
                  {fg.form && (
                    <Text size={200} className={styles.counts}>
                      {' '}
                      · {FORM_KIND_LABEL[fg.form.kind]}
                    </Text>
                  )}
                </h4>
                <ul className={styles.list}>
                  {shown.map((f) => {
                    const key = findingKey(f);
                    return (
                      <FindingItem
                        key={key}
                        finding={f}
                        cellText={g.texts[f.cell]}
                        selected={key === selected}
                        busy={busy}
                        onGo={onGo}
                        onApply={onApply}
                      />
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
      {hidden > 0 && (
        <Text className={styles.more}>另有 {hidden} 个问题未列出，请用上方的筛选缩小范围。</Text>
      )}
    </div>
  );
}
