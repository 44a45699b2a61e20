// kpods loads client-node's KubeConfig (exec plugins, auth providers, proxies, and the
// writes) through this module, with a static import of the one class: a dynamic
// import('@kubernetes/client-node') would keep every generated API and model in the bundle's
// chunk (esbuild cannot tree-shake a namespace it hands out), 3.4 MB where it needs 1.4 MB.
export {KubeConfig} from '@kubernetes/client-node';
export {ExecKubeConfig} from './exec-kube-config.js';
