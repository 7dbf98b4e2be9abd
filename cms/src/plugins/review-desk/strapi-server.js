/**
 * Strapi loads a local plugin's server part from this file and only as JavaScript
 * (@strapi/core loaders/plugins: loadConfigFile reads .js or .json). The TypeScript under
 * server/src is compiled with the app (cms/tsconfig.json) into the app's dist directory, which
 * Strapi knows as strapi.dirs.dist (the test harness and `strapi build` choose it).
 */
const { join } = require('node:path');

module.exports = require(join(strapi.dirs.dist.src, 'plugins', 'review-desk', 'server', 'src')).default;
