/** What the grid area shows before a workbook is opened. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { OpenIcon } from '../ui/components/icons';

const useStyles = makeStyles({
  root: {
    margin: 'auto',
    width: 'min(460px, calc(100% - 24px))',
    boxSizing: 'border-box',
    display: 'grid',
    gap: tokens.spacingVerticalM,
    justifyItems: 'center',
    textAlign: 'center',
    padding: tokens.spacingHorizontalXXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Marks the page's first content for the Element Timing API: `npm run bench` (ui series) measures
 * when it is painted, against a blank React + Fluent page (bench/ui).
 */
const FIRST_CONTENT = { elementtiming: 'first-content' } as object;

export function Welcome({ onOpen }: { onOpen: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text size={500} weight="semibold" as="h2" {...FIRST_CONTENT}>
        打开绩效目标表开始检查
      </Text>
      <Text className={styles.muted}>
        选择或拖入一个 .xlsx 工作簿（Excel、WPS 或 LibreOffice
        另存的均可）。文件只在本机浏览器中处理，不会上传。
      </Text>
      <Button appearance="primary" size="large" icon={<OpenIcon />} onClick={onOpen}>
        打开 .xlsx
      </Button>
      <Text size={200} className={styles.muted}>
        没有现成的表？在任务窗格的“模板”页插入一张空白模板。
      </Text>
    </div>
  );
}
