/** Findings grouped by sheet, then by form, in sheet order. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { FORM_KIND_LABEL, SEVERITY_LABEL, type Finding } from '../../engine';
import { useMemo } from 'react';
import { findingKey, type FormSummary, type SheetGroup } from '../../app';
import { useFindingTexts } from '../hooks';
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

/** What a form's group is called: the project's or department's name, else the kind of form. */
export function formGroupTitle(form: FormSummary | null): string {
  return form ? form.name || FORM_KIND_LABEL[form.kind] : '其他';
}

export function FindingList({ groups, selected, busy, onGo, onApply }: FindingListProps) {
  const styles = useStyles();
  // the first MAX_ITEMS findings are listed; the filter narrows the rest
  const { shown, hidden } = useMemo(() => {
    let budget = MAX_ITEMS;
    let rest = 0;
    const out = groups.map((g) => ({
      ...g,
      forms: g.forms.map((fg) => {
        const list = fg.findings.slice(0, Math.max(0, budget));
        rest += fg.findings.length - list.length;
        budget -= list.length;
        return { ...fg, findings: list };
      }),
    }));
    return { shown: out, hidden: rest };
  }, [groups]);
  const listed = useMemo(() => shown.flatMap((g) => g.forms.flatMap((fg) => fg.findings)), [shown]);
  const texts = useFindingTexts(listed);
  return (
    <div className={styles.root}>
      {shown.map((g) =>
        g.forms.every((fg) => fg.findings.length === 0) ? null : (
          <section key={g.sheet} className={styles.sheet} aria-label={`工作表 ${g.sheet}`}>
            <h3 className={styles.sheetTitle}>
              <span>{g.sheet}</span>
              <span className={styles.counts}>{countsText(g.counts)}</span>
            </h3>
            {g.forms.map((fg) =>
              fg.findings.length === 0 ? null : (
                <div key={fg.form?.index ?? -1} className={styles.form}>
                  <h4 className={styles.formTitle}>
                    {formGroupTitle(fg.form)}
                    {fg.form?.name && (
                      <Text size={200} className={styles.counts}>
                        {' '}
                        · {FORM_KIND_LABEL[fg.form.kind]}
                      </Text>
                    )}
                  </h4>
                  <ul className={styles.list}>
                    {fg.findings.map((f) => {
                      const key = findingKey(f);
                      return (
                        <FindingItem
                          key={key}
                          finding={f}
                          cellText={texts.get(f)}
                          selected={key === selected}
                          busy={busy}
                          onGo={onGo}
                          onApply={onApply}
                        />
                      );
                    })}
                  </ul>
                </div>
              ),
            )}
          </section>
        ),
      )}
      {hidden > 0 && (
        <Text className={styles.more}>另有 {hidden} 个问题未列出，请用上方的筛选缩小范围。</Text>
      )}
    </div>
  );
}
