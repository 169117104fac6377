/** Filter the list by text and rule; fix all findings of the chosen rule at once. */
import {
  Button,
  Dropdown,
  Field,
  Option,
  SearchBox,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FindingFilter, RuleCount } from '../../app';
import { FixIcon } from './icons';

const ALL = '';

const useStyles = makeStyles({
  // minmax(0, …): the search box and dropdown shrink to a narrow pane instead of overflowing it
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
  },
  grow: { flexGrow: 1, minWidth: '160px' },
  dropdown: { minWidth: 0, width: '100%' },
  option: { display: 'grid' },
  id: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

export interface FindingFiltersProps {
  readonly filter: FindingFilter;
  readonly rules: ReadonlyArray<RuleCount>;
  readonly busy: boolean;
  readonly onChange: (filter: Partial<FindingFilter>) => void;
  readonly onFixRule: (rule: string) => void;
}

const optionText = (r: Pick<RuleCount, 'title' | 'count'>) => `${r.title}（${r.count}）`;

export function FindingFilters({ filter, rules, busy, onChange, onFixRule }: FindingFiltersProps) {
  const styles = useStyles();
  const chosen = rules.find((r) => r.rule === filter.rule);
  const value = filter.rule === null ? '全部规则' : chosen ? optionText(chosen) : '（无）';
  return (
    <div className={styles.root}>
      <SearchBox
        aria-label="搜索问题"
        placeholder="搜索问题、单元格或规则"
        dismiss={{ 'aria-label': '清除搜索' }}
        value={filter.text}
        onChange={(_, d) => onChange({ text: d.value })}
      />
      <div className={styles.row}>
        <Field label="规则" className={styles.grow}>
          <Dropdown
            className={styles.dropdown}
            value={value}
            selectedOptions={[filter.rule ?? ALL]}
            onOptionSelect={(_, d) => onChange({ rule: d.optionValue ? d.optionValue : null })}
          >
            <Option value={ALL}>全部规则</Option>
            {rules.map((r) => (
              <Option key={r.rule} value={r.rule} text={optionText(r)}>
                <span className={styles.option}>
                  <span>{optionText(r)}</span>
                  <Text size={100} className={styles.id}>
                    {r.rule}
                  </Text>
                </span>
              </Option>
            ))}
          </Dropdown>
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
