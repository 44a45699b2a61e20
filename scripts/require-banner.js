// The line every bundle starts with: bundled CommonJS dependencies call require() for node
// built-ins, which an ES module does not have. Shared by the build and the plugins' tests.
export const requireBanner = {
	js: "import {createRequire as __kpodsCreateRequire} from 'node:module'; const require = __kpodsCreateRequire(import.meta.url);",
};
