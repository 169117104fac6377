/** 导出: the normalised 指标 and 项目资金 tables into new worksheets, or as .xlsx / .csv files. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ExportResult, ExportTarget } from '../../app';
import { useApp, useAppState } from '../hooks';
import { ErrorBar } from './ErrorBar';
import { DownloadIcon, SheetIcon } from './icons';
import { ProgressPanel } from './ProgressPanel';
import { Section } from './Section';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'minmax(0, 1fr)' },
  text: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: '1.2em', color: tokens.colorNeutralForeground2 },
});

function resultText(r: ExportResult): string {
  const rows = `共 ${r.indicatorRows} 行指标、${r.projectRows} 个项目`;
  if (r.target === 'sheets')
    return `已写入新工作表${r.names.map((n) => `“${n}”`).join('、')}（${rows}）。`;
  return `已下载“${r.names[0]}”（${rows}）。`;
}

export function ExportTab() {
  const app = useApp();
  const state = useAppState((s) => s.export);
  const styles = useStyles();
  const running = state.status === 'running';
  const go = (t: ExportTarget) => () => void app.exportTo(t);
  return (
    <div className={styles.root}>
      <Section title="规范化导出">
        <Text className={styles.text}>
          把工作簿中的全部绩效目标表整理成两张便于筛选、汇总的表：
        </Text>
        <ul className={styles.list}>
          <li>指标：一行一个指标值，含一级/二级/三级指标、比较符、数值、单位和发现的问题；</li>
          <li>项目资金：一行一个项目，含预算数、资金来源和错误、警告数。</li>
        </ul>
      </Section>
      <Section title="写入当前工作簿">
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            icon={<SheetIcon />}
            disabled={running}
            onClick={go('sheets')}
          >
            写入新工作表
          </Button>
        </div>
        <Text size={200} className={styles.text}>
          总是新建工作表，不会覆盖或修改现有内容。
        </Text>
      </Section>
      <Section title="下载文件">
        <div className={styles.buttons}>
          <Button icon={<DownloadIcon />} disabled={running} onClick={go('xlsx')}>
            下载 .xlsx
          </Button>
          <Button icon={<DownloadIcon />} disabled={running} onClick={go('csv-indicators')}>
            指标 .csv
          </Button>
          <Button icon={<DownloadIcon />} disabled={running} onClick={go('csv-projects')}>
            项目资金 .csv
          </Button>
        </div>
        <Text size={200} className={styles.text}>
          CSV 为 UTF-8 编码（带 BOM），可直接用 Excel 或 WPS 打开。
        </Text>
      </Section>
      {running && (
        <ProgressPanel verb="正在整理" progress={state.progress} onCancel={app.cancelExport} />
      )}
      {state.error && (
        <ErrorBar title="导出失败" message={state.error} onDismiss={() => app.dismiss('export')} />
      )}
      <div aria-live="polite">
        {state.status === 'done' && state.result && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{resultText(state.result)}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>导出已取消，没有写入任何内容。</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
