/** The three templates as a radio group, each with its name and one line. */
import { Radio, RadioGroup, makeStyles, tokens, Text } from '@fluentui/react-components';
import { TEMPLATE_INFO } from '../../app';
import type { TemplateKind } from '../../templates';

const KINDS: ReadonlyArray<TemplateKind> = ['project', 'department', 'list'];

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalXS },
  label: { display: 'grid', gap: '2px' },
  description: { color: tokens.colorNeutralForeground3 },
});

export interface TemplatePickerProps {
  readonly value: TemplateKind;
  readonly onChange: (kind: TemplateKind) => void;
}

export function TemplatePicker({ value, onChange }: TemplatePickerProps) {
  const styles = useStyles();
  return (
    <RadioGroup
      className={styles.group}
      value={value}
      aria-label="选择模板"
      onChange={(_, d) => onChange(d.value as TemplateKind)}
    >
      {KINDS.map((k) => (
        <Radio
          key={k}
          value={k}
          label={{
            className: styles.label,
            children: (
              <>
                <Text weight="semibold">{TEMPLATE_INFO[k].title}</Text>
                <Text size={200} className={styles.description}>
                  {TEMPLATE_INFO[k].description}
                </Text>
              </>
            ),
          }}
        />
      ))}
    </RadioGroup>
  );
}
