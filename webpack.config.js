/**
 * Builds the add-in into dist/: the task pane page (which is also the shared runtime page, so it
 * loads the functions and commands bundles too), functions.js + functions.json (generated from JSDoc),
 * commands.js, the icons and the manifest. In production the manifest's development URL
 * https://localhost:3000 is rewritten to ADDIN_URL, so an office can host the add-in on its own server.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { addinUrl, builtManifest } = require("./scripts/manifest/builtManifest");

module.exports = (env, argv) => {
  const mode = argv.mode || "development";
  const url = addinUrl(mode);
  return {
    mode,
    devtool: mode === "production" ? false : "source-map",
    entry: {
      taskpane: "./src/addin/taskpane/index.tsx",
      functions: "./src/addin/functions/functions.ts",
      commands: "./src/addin/commands/commands.ts",
      // The file reader of the standalone pane, run as a Web Worker (readWorkbookOffPage.ts); its
      // SheetJS chunk is loaded with importScripts, as a worker can.
      readWorkbookWorker: { import: "./src/io/xlsx/readWorkbookWorker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: mode !== "production" },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/addin/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/addin/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/addin/functions/locales", to: "functions-locales", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => builtManifest(content, url),
          },
        ],
      }),
    ],
  };
};
