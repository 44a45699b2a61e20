import {useEffect, useState} from 'react';
import type {Cluster} from '../../cluster/types.js';
import type {DetailLine} from '../../derive/describe.js';
import {objectYaml} from '../../format/yaml.js';
import type {DetailTarget} from '../../state/ui-state.js';

/** The YAML view's lines, or why there are none. */
export interface ObjectYaml {
	lines: DetailLine[];
	loading: boolean;
}

const none: ObjectYaml = {lines: [], loading: false};

/**
 * `kubectl get KIND NAME -o yaml` of the target: fetched (GET) when the view opens and again
 * every 2 s while it stays open, so it follows the object as the rest of kpods does.
 */
export function useObjectYaml(cluster: Cluster, target: DetailTarget | undefined, refreshMs = 2000): ObjectYaml {
	const [yaml, setYaml] = useState<ObjectYaml>(none);
	const key = target ? `${cluster.info.context}|${target.kind}|${target.namespace}|${target.name}` : undefined;
	// biome-ignore lint/correctness/useExhaustiveDependencies: key names the object and context; target is a new object each render
	useEffect(() => {
		if (!target) {
			setYaml(none);
			return;
		}

		let live = true;
		setYaml({lines: [], loading: true});
		const load = async () => {
			try {
				const object = await cluster.getObject(target.kind, target.namespace, target.name);
				const text = objectYaml({apiVersion: 'v1', kind: target.kind, ...object});
				if (live) {
					setYaml(old =>
						old.lines.map(line => line.text).join('\n') === text.trimEnd()
							? old
							: {
									lines: text
										.trimEnd()
										.split('\n')
										.map(line => ({text: line})),
									loading: false,
								},
					);
				}
			} catch (error) {
				if (live) {
					setYaml({lines: [{text: `Error from server: ${(error as Error).message}`, tone: 'error'}], loading: false});
				}
			}
		};

		void load();
		const timer = setInterval(() => void load(), refreshMs);
		return () => {
			live = false;
			clearInterval(timer);
		};
	}, [key]);
	return yaml;
}
