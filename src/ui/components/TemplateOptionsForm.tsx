/** The options of the chosen template: year, money unit, where 成本指标 sits, sizes. */
import {
  Dropdown,
  Field,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TemplateOptionsState } from '../../app';
import type { CostPlacement, MoneyUnitOption, TemplateKind } from '../../templates';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
});

const COST_LABEL: Readonly<Record<CostPlacement, string>> = {
  output: '产出指标下的二级指标',
  'first-level': '独立的一级指标（财预〔2021〕101号）',
};

type AnyOptions = {
  year?: number;
  unit?: MoneyUnitOption;
  cost?: CostPlacement;
  multiYear?: boolean;
  rows?: number | Readonly<Record<string, number>>;
  tasks?: number;
  units?: number;
  projects?: number;
};

export interface TemplateOptionsFormProps {
  readonly kind: TemplateKind;
  readonly options: TemplateOptionsState[TemplateKind];
  readonly onChange: (options: AnyOptions) => void;
}

function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (n: number) => void;
}) {
  return (
    <Field label={props.label}>
      <SpinButton
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={(_, d) => {
          const n = d.value ?? Number(d.displayValue);
          if (Number.isFinite(n))
            props.onChange(Math.min(props.max, Math.max(props.min, Math.round(n as number))));
        }}
      />
    </Field>
  );
}

export function TemplateOptionsForm({ kind, options, onChange }: TemplateOptionsFormProps) {
  const styles = useStyles();
  const o = options as AnyOptions;
  const rows = typeof o.rows === 'number' ? o.rows : kind === 'list' ? 4 : 2;
  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <NumberField
          label="预算年度"
          value={o.year ?? new Date().getFullYear() + 1}
          min={2000}
          max={2100}
          onChange={(year) => onChange({ year })}
        />
        {kind !== 'department' ? (
          <Field label="金额单位">
            <RadioGroup
              layout="horizontal"
              value={o.unit ?? '万元'}
              onChange={(_, d) => onChange({ unit: d.value as MoneyUnitOption })}
            >
              <Radio value="万元" label="万元" />
              <Radio value="元" label="元" />
            </RadioGroup>
          </Field>
        ) : (
          <NumberField
            label="重点工作任务行数"
            value={o.tasks ?? 5}
            min={1}
            max={30}
            onChange={(tasks) => onChange({ tasks })}
          />
        )}
      </div>
      <Field label="成本指标位置">
        <Dropdown
          value={COST_LABEL[o.cost ?? 'output']}
          selectedOptions={[o.cost ?? 'output']}
          onOptionSelect={(_, d) =>
            d.optionValue && onChange({ cost: d.optionValue as CostPlacement })
          }
        >
          {(Object.keys(COST_LABEL) as CostPlacement[]).map((c) => (
            <Option key={c} value={c}>
              {COST_LABEL[c]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {kind !== 'department' && (
        <Switch
          checked={o.multiYear ?? false}
          label="跨年度项目（分列实施周期指标值和年度指标值）"
          onChange={(_, d) => onChange({ multiYear: d.checked })}
        />
      )}
      {kind === 'list' ? (
        <div className={styles.row}>
          <NumberField
            label="资金使用单位数"
            value={o.units ?? 1}
            min={1}
            max={20}
            onChange={(units) => onChange({ units })}
          />
          <NumberField
            label="每个单位的项目数"
            value={o.projects ?? 3}
            min={1}
            max={50}
            onChange={(projects) => onChange({ projects })}
          />
          <NumberField
            label="每个项目的指标行数"
            value={rows}
            min={1}
            max={20}
            onChange={(r) => onChange({ rows: r })}
          />
        </div>
      ) : (
        <div className={styles.row}>
          <NumberField
            label="每个二级指标的行数"
            value={rows}
            min={1}
            max={5}
            onChange={(r) => onChange({ rows: r })}
          />
        </div>
      )}
    </div>
  );
}
