// The manifests kpods can apply: loading, per-document checks, the tutorial's order.
export type {ManifestDocument, ManifestFile} from './types.js';
export {parseManifest, displayPathFor} from './parse.js';
export {loadManifestDir, bundledManifestsDir, ManifestError} from './load.js';
export {applyOrder, describeDocument} from './order.js';
