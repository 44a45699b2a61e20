// An esbuild plugin that gives every ES module importing `react` (kpods' ~40 UI modules and Ink's)
// one module of React's named exports, made once, instead of esbuild's interop copy per importing
// module: React is CommonJS, and each `import … from 'react'` made its own __toESM(require_react()),
// a getter defined for each of React's ~50 exports, 50 times before the first frame (~2.5 ms of CPU,
// in a cold process), and every hook called through a getter after. CommonJS requires of react
// (react-reconciler's) and react/jsx-runtime are left alone (test/build/react-once.test.ts).
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Resolves ES imports of `react` to one module re-exporting the installed React's names. */
export const reactOncePlugin = {
	name: 'react-once',
	setup(build) {
		build.onResolve({filter: /^react$/}, args =>
			args.kind === 'import-statement' && args.namespace === 'file' ? {path: 'react', namespace: 'react-once'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'react-once'}, () => {
			// The names of the React installed now, so a React that gains or loses one is followed.
			const names = Object.keys(require('react')).filter(name => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
			return {
				contents: `import React from 'react';\nexport default React;\nexport const {${names.join(', ')}} = React;\n`,
				resolveDir: root,
				loader: 'js',
			};
		});
	},
};
