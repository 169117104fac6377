/**
 * The `first-content` series' builds (bench/first-content.ts): the shipping web build
 * (../../webpack.config.js, production) into dist/first-content/app, and the same settings with a
 * blank React + Fluent v9 entry (./blank.tsx) into dist/first-content/blank. Only the entry, the
 * page and the output folder differ.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const shipping = require('../../webpack.config.js');

const root = path.resolve(__dirname, '../..');
const out = (name) => path.join(root, 'dist', 'first-content', name);

module.exports = async (env = {}, argv = {}) => {
  // a production build without PUBLIC_URL warns about the manifest, which is not measured here
  process.env.PUBLIC_URL = process.env.PUBLIC_URL || 'https://localhost:3000';
  const args = { ...argv, mode: 'production' };
  const app = await shipping(env, args);
  app.output = { ...app.output, path: out('app'), clean: true };
  // no source maps and no size report: neither changes the scripts a browser runs
  app.devtool = false;
  app.plugins = app.plugins.filter((p) => p?.constructor?.name !== 'GzipSizePlugin');
  const base = await shipping(env, args);
  const blank = {
    ...base,
    devtool: false,
    entry: { blank: path.join(__dirname, 'blank.tsx') },
    output: { ...base.output, path: out('blank'), clean: true },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: path.join(__dirname, 'blank.html'),
        scriptLoading: 'defer',
      }),
    ],
  };
  return [app, blank];
};
