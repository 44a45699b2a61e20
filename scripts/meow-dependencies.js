// What meow's code imports from its own `build/dependencies.js` (a 245 KB rollup bundle of
// seventeen packages, one module esbuild cannot trim), taken instead from the same packages at
// the same versions on npm, each its own module: scripts/meow-dependencies-plugin.js resolves
// meow's import here. The versions are pinned in package.json to the ones meow 14.1.0 bundles
// (its build/licenses.md); test/command-line.test.ts holds meow's results to kpods' flag forms.
import camelcaseKeys from 'camelcase-keys';
import decamelize from 'decamelize';
import decamelizeKeys from 'decamelize-keys';
import constructParserOptions from 'minimist-options';
import redent from 'redent';
import {trimNewlines} from 'trim-newlines';
import yargsParser from 'yargs-parser';

// meow reads and normalises the nearest package.json only when it is not given `pkg`; kpods
// always gives it `pkg: {}` (source/command-line.ts), so read-package-up, normalize-package-data
// and what they carry (the SPDX lists, hosted-git-info, semver, @babel/code-frame) are left out.
const notBundled = name => () => {
	throw new Error(`meow's ${name} is not in kpods' bundle: pass meow the pkg option (scripts/meow-dependencies.js)`);
};
const readPackageUpSync = notBundled('readPackageUpSync');
const normalizePackageData = notBundled('normalizePackageData');

// Under the one-letter names meow's rollup build gives them (its index.js, options.js,
// parser.js and utils.js import these): another meow build that renames them fails the build.
export {
	readPackageUpSync as a,
	constructParserOptions as b,
	camelcaseKeys as c,
	decamelizeKeys as d,
	decamelize as e,
	normalizePackageData as n,
	redent as r,
	trimNewlines as t,
	yargsParser as y,
};
