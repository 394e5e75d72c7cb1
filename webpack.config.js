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

const DEV_URL = "https://localhost:3000";

/** The URL the built manifest points at; must be https and have no trailing slash. */
function addinUrl(mode) {
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/+$/, "");
  if (mode === "production" && !/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https URL, got "${url}"`);
  }
  return url;
}

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
            // AppDomain is an origin; every other URL keeps its path under the add-in's base URL.
            transform: (content) =>
              content
                .toString()
                .split(`<AppDomain>${DEV_URL}</AppDomain>`)
                .join(`<AppDomain>${new URL(url).origin}</AppDomain>`)
                .split(DEV_URL)
                .join(url),
          },
        ],
      }),
    ],
  };
};
