/**
 * The manifest the build ships (dist/manifest.xml): manifest.xml with its development URL
 * https://localhost:3000 replaced by the office's own ADDIN_URL. One function, used by
 * webpack.config.js and by the schema test, so the test checks the bytes the build writes.
 */
"use strict";

const DEV_URL = "https://localhost:3000";

/** The URL the built manifest points at; must be https and have no trailing slash. */
function addinUrl(mode, env = process.env) {
  const url = (env.ADDIN_URL || DEV_URL).replace(/\/+$/, "");
  if (mode === "production" && !/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https URL, got "${url}"`);
  }
  return url;
}

/** AppDomain is an origin; every other URL keeps its path under the add-in's base URL. */
function builtManifest(content, url) {
  return String(content)
    .split(`<AppDomain>${DEV_URL}</AppDomain>`)
    .join(`<AppDomain>${new URL(url).origin}</AppDomain>`)
    .split(DEV_URL)
    .join(url);
}

module.exports = { DEV_URL, addinUrl, builtManifest };
