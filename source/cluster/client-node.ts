// kpods loads client-node through this module, with a static import of the one class it
// needs to start: a dynamic import('@kubernetes/client-node') would keep every generated
// API and model in the bundle's chunk (esbuild cannot tree-shake a namespace it hands out),
// about 3.4 MB and 200 ms of start-up, where KubeConfig and its auth need a third of that.
export {KubeConfig} from '@kubernetes/client-node';
