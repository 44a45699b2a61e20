import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

const require = createRequire(import.meta.url);

test("ES modules importing react share one copy of React's exports, which are React's own", async () => {
	const {build} = await import('esbuild');
	// @ts-expect-error: a plain JavaScript build script, without types.
	const {requireBanner} = await import('../../scripts/require-banner.js');
	// @ts-expect-error: a plain JavaScript build script, without types.
	const {reactOncePlugin} = await import('../../scripts/react-once-plugin.js');
	const directory = mkdtempSync(join(tmpdir(), 'kpods-react-once-'));
	try {
		// Two importers, default and named imports, beside a CommonJS require of react (left alone).
		writeFileSync(join(directory, 'a.js'), "import React, {useState} from 'react';\nexport const a = {React, useState};\n");
		writeFileSync(
			join(directory, 'b.js'),
			"import * as React from 'react';\nimport {useMemo} from 'react';\nexport const b = {React, useMemo};\n",
		);
		writeFileSync(join(directory, 'c.cjs'), "module.exports = require('react');\n");
		const {outputFiles} = await build({
			stdin: {
				contents: "export {a} from './a.js';\nexport {b} from './b.js';\nexport {default as c} from './c.cjs';\n",
				resolveDir: directory,
				loader: 'js',
			},
			nodePaths: [join(process.cwd(), 'node_modules')],
			bundle: true,
			write: false,
			format: 'esm',
			platform: 'node',
			banner: requireBanner,
			plugins: [reactOncePlugin],
			logLevel: 'error',
		});
		const text = outputFiles[0]!.text;
		assert.equal(text.match(/__toESM\(require_react\(\)/g)?.length, 1, 'one interop copy of react');
		const file = join(directory, 'bundle.mjs');
		writeFileSync(file, text);
		const {a, b, c} = (await import(pathToFileURL(file).href)) as {
			a: {React: {version: string}; useState: unknown};
			b: {React: Record<string, unknown>; useMemo: unknown};
			c: {version: string; useState: unknown};
		};
		// The bundle's own React (its CommonJS module, as c required it) is what both importers got.
		const react = require('react') as Record<string, unknown>;
		assert.equal(a.React.version, react.version);
		assert.equal(c.version, react.version);
		assert.equal(a.React, c);
		assert.equal(a.useState, c.useState);
		assert.equal(b.useMemo, (c as unknown as Record<string, unknown>).useMemo);
		for (const name of Object.keys(react)) {
			assert.equal(b.React[name], (c as unknown as Record<string, unknown>)[name], name);
		}
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
});
