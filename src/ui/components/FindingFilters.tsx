/** Filter the list by text and rule; fix all findings of the chosen rule at once. */
import { Button, Field, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { FindingFilter, RuleCount } from '../../app';
import { FixIcon } from './icons';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
});

export interface FindingFiltersProps {
  readonly filter: FindingFilter;
  readonly rules: ReadonlyArray<RuleCount>;
  readonly busy: boolean;
  readonly onChange: (filter: Partial<FindingFilter>) => void;
  readonly onFixRule: (rule: string) => void;
}

export function FindingFilters({ filter, rules, busy, onChange, onFixRule }: FindingFiltersProps) {
  const styles = useStyles();
  const chosen = rules.find((r) => r.rule === filter.rule);
  return (
    <div className={styles.root}>
      <SearchBox
        aria-label="搜索问题"
        placeholder="搜索问题、单元格或规则"
        value={filter.text}
        onChange={(_, d) => onChange({ text: d.value })}
      />
      <div className={styles.row}>
        <Field label="规则" className={styles.grow}>
          <Select
            value={filter.rule ?? ''}
            onChange={(_, d) => onChange({ rule: d.value || null })}
          >
            <option value="">全部规则</option>
            {rules.map((r) => (
              <option key={r.rule} value={r.rule}>
                {r.title}（{r.count}）
              </option>
            ))}
            {filter.rule && !chosen && <option value={filter.rule}>{filter.rule}（0）</option>}
          </Select>
        </Field>
        {chosen && chosen.fixable > 0 && (
          <Button icon={<FixIcon />} disabled={busy} onClick={() => onFixRule(chosen.rule)}>
            全部修正（{chosen.fixable}）
          </Button>
        )}
      </div>
    </div>
  );
}
