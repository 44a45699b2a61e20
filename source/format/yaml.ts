// `kubectl get -o yaml` text of one object. kubectl marshals through sigs.k8s.io/yaml (JSON,
// then go-yaml v2): map keys sorted, sequences not indented under their key, strings that
// YAML 1.1 would read as something else double-quoted ("80", "true", "y", timestamps), no
// folding of long lines; since 1.21 it leaves metadata.managedFields out.
import yaml from 'js-yaml';

/** The object without metadata.managedFields, as kubectl ≥1.21 prints and edits it. */
export function withoutManagedFields<T extends Record<string, unknown>>(object: T): T {
	const metadata = object['metadata'] as Record<string, unknown> | undefined;
	if (!metadata || !('managedFields' in metadata)) return object;
	const {managedFields: _hidden, ...rest} = metadata;
	return {...object, metadata: rest};
}

/**
 * The YAML kubectl prints for an object (`kubectl get KIND NAME -o yaml`).
 * @example objectYaml({kind: 'Pod', apiVersion: 'v1', metadata: {name: 'a'}}) // 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n'
 */
export function objectYaml(object: Record<string, unknown>): string {
	return yaml.dump(withoutManagedFields(object), {sortKeys: true, noArrayIndent: true, lineWidth: -1, quotingType: '"', noRefs: true});
}
