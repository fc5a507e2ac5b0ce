#!/usr/bin/env node
'use strict';
// Runs one of the service's command-line tools from the build `npm start` (or `npm run build`) made,
// without compiling again: `node bin/cli.js <credentials | load-rulebook | import-holidays | rebuild-projection | verify> [args]`.
const fs = require('node:fs');
const path = require('node:path');

const [name, ...args] = process.argv.slice(2);
const tools = ['credentials', 'load-rulebook', 'import-holidays', 'rebuild-projection', 'demo', 'error-docs', 'verify'];
if (!tools.includes(name)) {
  console.error(`usage: node bin/cli.js <${tools.join(' | ')}> [arguments]`);
  process.exit(2);
}
const file = path.join(__dirname, '..', 'dist', 'src', 'cli', `${name}.js`);
if (!fs.existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} is missing: build the service first (npm run build; npm start builds it too).`);
  process.exit(1);
}
process.argv = [process.argv[0], file, ...args];
require(file);
