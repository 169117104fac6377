/**
 * The web build. One entry (src/entry/index.tsx, which picks the mode) served as two pages:
 * - taskpane.html: loads office.js by script tag (never bundled); in Excel it opens the pane, in a
 *   browser (or when office.js fails to load outside Office) the standalone page;
 * - index.html: the standalone page without office.js (`npm run preview`, offline use);
 * and help.html, the user guide (src/help/page.ts, written at build time, no script).
 * The standalone page (grid, in-memory workbook, exceljs) and the .xlsx/.csv writer are separate
 * chunks loaded on demand, so the pane in Excel stays light. Production builds print gzip sizes.
 *
 * Env: PUBLIC_URL (production URL that replaces https://localhost:3000 in manifest.xml; a
 * production build without it warns), JIXIAO_OUT (output directory, default dist),
 * JIXIAO_OFFICE_JS (cdn | local | cdn-then-local: where taskpane.html loads office.js from,
 * default cdn; `npm run package` sets it and copies office.js beside the pages).
 *
 * npm run dev-server: HTTPS on https://localhost:3000 (office-addin-dev-certs) for sideloading;
 * npm run preview: the standalone page on http://localhost:8080/index.html;
 * npm run build / bundle-size: production build in dist/, gzip sizes printed and in bundle-size.json.
 */
const path = require('node:path');
const fs = require('node:fs');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Prints the gzip size of every script, and of what the pane loads first. */
class GzipSizePlugin {
  apply(compiler) {
    let report = null;
    compiler.hooks.emit.tap('GzipSizePlugin', (compilation) => {
      const initial = new Set(
        [...compilation.entrypoints.values()]
          .flatMap((e) => e.getFiles())
          .filter((n) => n.endsWith('.js')),
      );
      const rows = compilation
        .getAssets()
        .filter((a) => a.name.endsWith('.js'))
        .map((a) => {
          const buf = a.source.buffer();
          return {
            file: a.name,
            bytes: buf.length,
            gzip: zlib.gzipSync(buf, { level: 9 }).length,
            initial: initial.has(a.name),
          };
        })
        .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
      const sum = (list, k) => list.reduce((t, r) => t + r[k], 0);
      const first = rows.filter((r) => r.initial);
      report = {
        initialGzip: sum(first, 'gzip'),
        initialBytes: sum(first, 'bytes'),
        totalGzip: sum(rows, 'gzip'),
        assets: rows,
      };
    });
    compiler.hooks.afterEmit.tap('GzipSizePlugin', (compilation) => {
      if (!report) return;
      const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
      const lines = report.assets.map(
        (r) =>
          `  ${r.initial ? 'initial' : 'lazy   '}  ${kb(r.gzip).padStart(10)} gzip  ${kb(r.bytes).padStart(10)}  ${r.file}`,
      );
      fs.writeFileSync(
        path.join(compilation.outputOptions.path, 'bundle-size.json'),
        JSON.stringify(report, null, 2),
      );
      console.log(
        `\nTask pane bundle (gzip): ${kb(report.initialGzip)} loaded at start (${kb(report.initialBytes)} minified), ${kb(report.totalGzip)} with all lazy chunks\n${lines.join('\n')}\n`,
      );
    });
  }
}

/** Where taskpane.html loads office.js from (see src/office/environment.ts). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The copy `npm run package` serves beside the pages, relative to them. */
const OFFICE_JS_LOCAL = 'office-js/office.js';
const OFFICE_JS_MODES = ['cdn', 'local', 'cdn-then-local'];
/** cdn-then-local: how long the CDN may take to answer before the local copy is used. */
const OFFICE_JS_TIMEOUT_MS = 3000;

/** What taskpane.html records in window.jixiaoOfficeJs for a mode. */
function officeJsLoad(mode = 'cdn') {
  if (!OFFICE_JS_MODES.includes(mode))
    throw new Error(`JIXIAO_OFFICE_JS 应为 ${OFFICE_JS_MODES.join('、')} 之一，收到“${mode}”。`);
  const load = { mode, cdn: OFFICE_JS_CDN, local: OFFICE_JS_LOCAL };
  return mode === 'cdn-then-local' ? { ...load, timeoutMs: OFFICE_JS_TIMEOUT_MS } : load;
}

const PUBLIC_URL_WARNING = `
==================================================================================
 警告：没有设置 PUBLIC_URL，dist/manifest.xml 仍指向 https://localhost:3000，
 不能用于部署。部署请用：npm run package -- --url https://服务器/路径/
 WARNING: PUBLIC_URL is not set: dist/manifest.xml still points at
 https://localhost:3000 and cannot be deployed. To deploy, run
 npm run package -- --url https://HOST/PATH/   (see docs/deploy.md)
==================================================================================
`;

/** Development URLs in manifest.xml → the public URL (AppDomain: its origin only). */
function rewriteManifest(xml, publicUrl) {
  const origin = new URL(publicUrl).origin;
  return xml
    .replace(
      /<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g,
      `<AppDomain>${origin}</AppDomain>`,
    )
    .replace(/(["'>])https:\/\/localhost:3000/g, `$1${publicUrl}`);
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const out = path.resolve(__dirname, process.env.JIXIAO_OUT || 'dist');
  const publicUrl = (process.env.PUBLIC_URL || '').replace(/\/+$/, '');
  const officeJs = officeJsLoad(process.env.JIXIAO_OFFICE_JS || 'cdn');
  if (production && !serving && !publicUrl) console.warn(PUBLIC_URL_WARNING);

  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { taskpane: './src/entry/index.tsx' },
    output: {
      path: out,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      // dist/ also holds the CLI bundle (npm run build:cli): keep it
      clean: { keep: /^cli\.js(\.map)?$/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // type-checking is `npm run typecheck`; the bundle only transpiles
              transpileOnly: true,
              compilerOptions: {
                module: 'esnext',
                moduleResolution: 'node',
                noEmit: false,
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // exceljs: only the standalone page and downloads need it
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 20,
          },
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            chunks: 'initial',
            priority: 10,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/entry/index.html',
        chunks: ['taskpane'],
        officeJs: true,
        officeJsLoad: officeJs,
        officeJsLoader:
          officeJs.mode === 'cdn-then-local'
            ? fs.readFileSync(path.join(__dirname, 'src/office/office-js-loader.js'), 'utf8')
            : '',
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/entry/index.html',
        chunks: ['taskpane'],
        officeJs: false,
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/help/page.ts',
        templateParameters: { version: require('./package.json').version },
        inject: false,
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // the screenshots help.html shows (HELP_SCREENSHOTS in src/help/page.ts)
          {
            from: 'docs/screenshots/{taskpane-templates,taskpane-check,taskpane-export,live-summary,live-remarks,standalone-welcome}.png',
            to: 'help/[name][ext]',
          },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              production && publicUrl ? rewriteManifest(String(content), publicUrl) : content,
          },
        ],
      }),
      ...(production && !serving ? [new GzipSizePlugin()] : []),
    ],
  };

  if (serving && env.preview) {
    // `npm run preview`: the standalone page over plain HTTP, no certificates needed
    config.devServer = {
      port: 8080,
      host: 'localhost',
      hot: false,
      open: ['/index.html'],
      static: false,
    };
  } else if (serving) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      host: 'localhost',
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      static: { directory: path.resolve(__dirname, 'assets'), publicPath: '/assets' },
      open: false,
    };
  }
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.officeJsLoad = officeJsLoad;
