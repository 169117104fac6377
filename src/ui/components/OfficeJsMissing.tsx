/**
 * What the pane shows inside Office when office.js did not load: what failed, what the user can do
 * now (retry, the standalone page in a browser) and what IT can do. Never the standalone page
 * itself, which inside Excel would look like a broken add-in.
 */
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

/**
 * What failed, as src/office/environment.ts reports it (`OfficeJsFailure`); declared here because
 * src/ui does not import src/office.
 */
export interface OfficeJsFailureView {
  /** how the page loads office.js */
  readonly mode: 'cdn' | 'local' | 'cdn-then-local';
  /** the office.js URLs tried, absolute */
  readonly tried: ReadonlyArray<string>;
  /** Office's host information from the pane's URL, when Office passed it */
  readonly host: {
    readonly host: string;
    readonly platform: string;
    readonly version: string;
    readonly locale: string;
  } | null;
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  url: { wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace },
});

/** The IT steps, by how the page loads office.js. */
const IT_STEPS: Readonly<Record<OfficeJsFailureView['mode'], ReadonlyArray<string>>> = {
  cdn: [
    '本加载项只从微软网站（上面的地址）加载 office.js，本机无法访问该网站。',
    '请允许访问该网站，或重新打包加载项，让 office.js 随加载项部署在内网服务器上：npm run package -- --url 部署地址 --office-js local（或 cdn-then-local）。',
  ],
  local: [
    '本加载项从内网服务器上的副本加载 office.js，但没有加载成功。',
    '请在本机浏览器中打开上面的地址，确认能够下载；检查服务器上 office-js 文件夹是否完整、服务器证书是否受本机信任、代理或防火墙是否拦截。',
  ],
  'cdn-then-local': [
    '本加载项先尝试微软网站，再尝试内网服务器上的副本，两处都没有加载成功。',
    '请在本机浏览器中打开上面的本地副本地址，确认能够下载；检查服务器上 office-js 文件夹是否完整、服务器证书是否受本机信任、代理或防火墙是否拦截。',
  ],
};

export interface OfficeJsMissingProps {
  readonly failure: OfficeJsFailureView;
  /** reloads the pane (default: the page) */
  readonly onRetry?: () => void;
}

export function OfficeJsMissing({ failure, onRetry }: OfficeJsMissingProps) {
  const styles = useStyles();
  const retry = onRetry ?? (() => window.location.reload());
  const host = failure.host;
  return (
    <div className={styles.root}>
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>无法加载 Office 脚本库</MessageBarTitle>
          绩效目标表助手在 Excel 中运行，需要 Office 的脚本库 office.js 才能读取和修改工作簿，但
          office.js 没有加载成功。
        </MessageBarBody>
      </MessageBar>
      <Text weight="semibold" as="h2">
        尝试过的地址
      </Text>
      <ul className={styles.list}>
        {failure.tried.map((url) => (
          <li key={url} className={styles.url}>
            {url}
          </li>
        ))}
      </ul>
      {host && (
        <Text size={200}>
          Office：{host.host} {host.platform} {host.version}
          {host.locale ? ` ${host.locale}` : ''}
        </Text>
      )}
      <Text weight="semibold" as="h2">
        请联系信息技术（IT）人员
      </Text>
      <ol className={styles.list}>
        {IT_STEPS[failure.mode].map((step) => (
          <li key={step}>{step}</li>
        ))}
        <li>可运行安装包中的 verify-package.mjs 检查部署是否完整。</li>
      </ol>
      <Text weight="semibold" as="h2">
        现在可以
      </Text>
      <ul className={styles.list}>
        <li>
          网络恢复后点击“重试”。
          <Button appearance="primary" size="small" onClick={retry}>
            重试
          </Button>
        </li>
        <li>
          在浏览器中打开
          <Link href="index.html" target="_blank" rel="noopener">
            独立模式
          </Link>
          ，打开 .xlsx 文件检查（不需要 office.js）。
        </li>
        <li>
          查看
          <Link href="help.html#trouble" target="_blank" rel="noopener">
            使用帮助
          </Link>
          。
        </li>
      </ul>
    </div>
  );
}
