/**
 * Stands in for the `object.entries` polyfill that node-polyglot (translations) requires: every
 * browser the console supports has `Object.entries`, and the polyfill's helpers weigh about 5 KB
 * gzip on the login page (admin/vite.config.ts aliases the package to this file). CommonJS, as
 * node-polyglot `require`s it.
 */
module.exports = Object.entries;
