// The kubectl command line behind each action, as a learner would type it in a POSIX shell.

// Characters that never need quoting in sh, bash or zsh (no globbing, expansion or splitting).
const plain = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one argument for a POSIX shell, only when it needs it.
 *
 * @example shellQuote("it's") === `'it'\\''s'`
 */
export function shellQuote(argument: string): string {
	if (plain.test(argument)) {
		return argument;
	}
	return `'${argument.replaceAll("'", `'\\''`)}'`;
}

function namespaceFlag(namespace: string | undefined, contextNamespace: string): string {
	return namespace && namespace !== contextNamespace ? ` -n ${shellQuote(namespace)}` : '';
}

/**
 * The `kubectl run` that creates the same pod.
 *
 * @example kubectlRun('testando', 'nginx', 'default', 'default') === 'kubectl run testando --image=nginx'
 */
export function kubectlRun(name: string, image: string, namespace: string, contextNamespace: string): string {
	return `kubectl run ${shellQuote(name)} --image=${shellQuote(image)}${namespaceFlag(namespace, contextNamespace)}`;
}

/**
 * The `kubectl delete` for one pod or service.
 *
 * @example kubectlDelete('Service', 'svc-pod', 'default', 'default') === 'kubectl delete service svc-pod'
 */
export function kubectlDelete(kind: string, name: string, namespace: string, contextNamespace: string): string {
	return `kubectl delete ${kind.toLowerCase()} ${shellQuote(name)}${namespaceFlag(namespace, contextNamespace)}`;
}

/**
 * The `kubectl apply` for files given in the order they are applied (kubectl visits -f
 * arguments in order); namespace is the one given to documents that name none; a dry run adds
 * --dry-run=server.
 *
 * @example kubectlApply(['manifests/svc-pod.yaml'], 'default', 'default') === 'kubectl apply -f manifests/svc-pod.yaml'
 */
export function kubectlApply(paths: string[], namespace: string, contextNamespace: string, dryRun = false): string {
	const files = paths.map(path => ` -f ${shellQuote(path)}`).join('');
	return `kubectl apply${files}${namespaceFlag(namespace, contextNamespace)}${dryRun ? ' --dry-run=server' : ''}`;
}

/** kubectl apply's answer when the files hold no object: it asks nothing and writes nothing. */
export const noObjectsToApply = 'error: no objects passed to apply';
