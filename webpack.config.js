// Builds the Excel task pane into dist/: taskpane.html (+ boot.js, hashed bundle and CSS), assets/ and manifest.xml.
//
//   npm run build                                        dist/ with the development manifest (https://localhost:3000/)
//   ADDIN_URL=https://host/path/ npm run build           dist/ for that address: manifest.xml rewritten (docs/deploy.md)
//   npm start / npm run dev-server                       dev server on https://localhost:3000 (the URLs in manifest.xml)
//   (`--output-path <dir>` builds elsewhere)
//
// The dev server (webpack-dev-server 5: v6 needs Node 22.15) serves over HTTPS with the trusted localhost
// certificate of office-addin-dev-certs (installed on first use; it asks for permission to trust its CA).
// If that fails it falls back to a self-signed certificate: fine for a browser, refused by Excel.
//
// office.js is never bundled: taskpane.html loads it from appsforoffice.microsoft.com before the bundle.
// boot.js (ES5) runs first of the page's own scripts and shows a message where the bundle cannot run.
'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE, productionManifest, resolveAddinUrl } = require('./scripts/addin-manifest.cjs');
const { version } = require('./package.json');

const DEV_PORT = 3000;

/**
 * ExcelJS's browser build is already minified: parsing it (`noParse`) and minifying it again only cost
 * time (~15 s → ~3 s per production build). Marking its chunk as minimized makes webpack's built-in
 * minimizer leave it alone, without configuring (and depending on) a minimizer plugin ourselves.
 */
class SkipMinifyingPrebuiltChunksPlugin {
  /** @param {RegExp} chunkName */
  constructor(chunkName) {
    this.chunkName = chunkName;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.compilation.tap(SkipMinifyingPrebuiltChunksPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: SkipMinifyingPrebuiltChunksPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            if (!chunk.name || !this.chunkName.test(chunk.name)) continue;
            for (const file of chunk.files) {
              if (file.endsWith('.js')) compilation.updateAsset(file, (source) => source, { minimized: true });
            }
          }
        },
      );
    });
  }
}

/** Dev-server settings; only evaluated for `webpack serve` (npm start / npm run dev-server). */
async function devServerConfig() {
  /** @type {'https' | { type: 'https', options: object }} */
  let server = 'https';
  try {
    const devCerts = require('office-addin-dev-certs');
    server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(
      `[webpack] office-addin-dev-certs could not provide a trusted localhost certificate (${error instanceof Error ? error.message : error}): serving with a self-signed certificate, which Excel will refuse. Run \`npx office-addin-dev-certs install\` once.`,
    );
  }
  return {
    port: DEV_PORT,
    server,
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
    hot: false,
    liveReload: true,
  };
}

/**
 * The manifest copied into the output: the development one unless ADDIN_URL is set, then the production
 * one for that address (every URL under it, <Version> from package.json). Throws on a bad ADDIN_URL.
 * @param {boolean} serve
 */
function manifestTransform(serve) {
  const raw = process.env.ADDIN_URL;
  if (serve || raw === undefined) {
    if (!serve) {
      console.log(`[manifest] ADDIN_URL 未设置：dist/manifest.xml 是开发用清单（地址 ${DEV_BASE}）。发布到单位服务器请用 ADDIN_URL=https://服务器/路径/ npm run build（见 docs/deploy.md）。`);
    }
    return undefined;
  }
  const base = resolveAddinUrl(raw);
  console.log(`[manifest] dist/manifest.xml：所有地址位于 ${base}，版本 ${version}。`);
  return (/** @type {Buffer} */ content) => Buffer.from(productionManifest(content.toString('utf8'), base, version), 'utf8');
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const transformManifest = manifestTransform(Boolean(env.WEBPACK_SERVE));

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    context: __dirname,
    // boot.js first (ES5, no imports), then the pane. `target` es5 keeps webpack's own runtime code ES5 too
    // (the boot chunk must parse in Internet Explorer 11); the pane's code stays ES2022 (ts-loader below).
    entry: { boot: './src/taskpane/boot.js', taskpane: './src/taskpane/index.ts' },
    target: ['web', 'es5'],
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash].js' : '[name].js',
      cssFilename: production ? '[name].[contenthash].css' : '[name].css',
      publicPath: 'auto',
      clean: true,
    },
    // No eval-based source maps: the page's Content-Security-Policy has no 'unsafe-eval', also under npm start.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.js'],
      // The sources use node16 ESM-style specifiers ('./x.js' for ./x.ts).
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    module: {
      // Prebuilt browser bundle, no imports to resolve (see SkipMinifyingPrebuiltChunksPlugin).
      noParse: /exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true, // `npm run typecheck` does the type checking
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // tsconfig.json targets node (module node16 → CommonJS for this package); the browser bundle
              // wants ES modules so that webpack can tree-shake and split lazy imports.
              compilerOptions: { module: 'es2022', moduleResolution: 'bundler', sourceMap: true },
            },
          },
        },
        // CSS imported from TypeScript is handled by webpack's built-in CSS support (experiments.css
        // below; no css-loader/style-loader): emitted as a hashed .css file that html-webpack-plugin
        // links in <head>.
      ],
    },
    experiments: { css: true },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // ExcelJS with its one-line wrapper, imported on first use by the file host (src/hosts/file/exceljs-module.ts:
          // marked copies, templates, files the fast reader hands over; standalone page only).
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]|[\\/]src[\\/]hosts[\\/]file[\\/]exceljs-lib\.ts$/,
            name: 'exceljs',
            chunks: 'async',
            enforce: true,
            priority: 20,
          },
          // The .docx writer, only fetched when the user downloads the 情况说明 as Word (standalone page).
          docx: {
            test: /[\\/]node_modules[\\/]docx[\\/]/,
            name: 'docx',
            chunks: 'async',
            enforce: true,
            priority: 20,
          },
        },
      },
    },
    plugins: [
      new SkipMinifyingPrebuiltChunksPlugin(/^exceljs$/),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['boot', 'taskpane'],
        chunksSortMode: 'manual', // boot.js before the bundle
        inject: 'head', // after the office.js <script> of the template's <head>
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          transformManifest
            ? { from: 'manifest.xml', to: 'manifest.xml', transform: { transformer: transformManifest, cache: false } }
            : { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      // Raw sizes; the real budget is gzip: the initial JS (what taskpane.html loads) ≤ 150 KB gzip,
      // asserted by test/build.test.ts. Most of it is the core's rule catalogue, zod and decimal.js.
      maxEntrypointSize: 450 * 1024,
      maxAssetSize: 450 * 1024,
      // The lazily loaded chunks (ExcelJS ~1 MB, docx ~220 KB) are expected to be large.
      assetFilter: (file) => /\.(js|css)$/.test(file) && !/^(exceljs|docx)\./.test(file),
    },
    stats: 'errors-warnings',
  };

  if (env.WEBPACK_SERVE) config.devServer = await devServerConfig();

  return config;
};
