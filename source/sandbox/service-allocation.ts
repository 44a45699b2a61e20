import type {KubeObject, ServicePort, ServiceSpec} from '../k8s/types.js';
import type {Store} from './store.js';
import {ClusterIpAllocator, NodePortAllocator} from './allocators.js';
import {orderServiceSpec} from './defaults.js';
import {invalidValue, type FieldError} from './status.js';

/** The service registry's allocators: ClusterIPs and NodePorts, kept in step with the store. */
export class ServiceAllocation {
	readonly clusterIps = new ClusterIpAllocator();
	readonly nodePorts = new NodePortAllocator();

	/**
	 * Follows every service write (HTTP or direct), so addresses and ports of stored services
	 * are always taken and those of deleted services freed.
	 */
	track(store: Store): () => void {
		return store.subscribe(change => {
			if (change.resource !== 'services') {
				return;
			}

			const previous = change.previous ? specOf(change.previous) : undefined;
			const current = change.type === 'DELETED' ? undefined : specOf(change.entry.object);
			const keptPorts = new Set(current ? nodePortsOf(current) : []);
			for (const port of previous ? nodePortsOf(previous) : []) {
				if (!keptPorts.has(port)) {
					this.nodePorts.release(port);
				}
			}

			if (previous?.clusterIP && previous.clusterIP !== current?.clusterIP) {
				this.clusterIps.release(previous.clusterIP);
			}

			if (current) {
				for (const port of keptPorts) {
					this.nodePorts.allocateSpecific(port, 0);
				}

				if (current.clusterIP && current.clusterIP !== 'None') {
					this.clusterIps.allocateSpecific(current.clusterIP);
				}
			}
		});
	}

	/**
	 * Allocates what a new (or changed) service needs: a ClusterIP unless headless or
	 * ExternalName, NodePorts for NodePort and LoadBalancer. Returns the completed spec and
	 * a release function for a failed or dry-run request, or the field errors.
	 */
	allocate(spec: ServiceSpec, previous?: ServiceSpec): {spec: ServiceSpec; release: () => void} | {errors: FieldError[]} {
		const reservedIps: string[] = [];
		const reservedPorts: number[] = [];
		const release = (): void => {
			for (const ip of reservedIps) {
				this.clusterIps.release(ip);
			}

			for (const port of reservedPorts) {
				this.nodePorts.release(port);
			}
		};

		const result: ServiceSpec = {...spec};
		const errors: FieldError[] = [];
		const type = result.type ?? 'ClusterIP';
		if (type === 'ExternalName') {
			delete result.clusterIP;
			delete result.clusterIPs;
		} else if (previous?.clusterIP && (!result.clusterIP || result.clusterIP === previous.clusterIP)) {
			result.clusterIP = previous.clusterIP;
			result.clusterIPs = previous.clusterIPs ?? [previous.clusterIP];
			result.ipFamilies ??= previous.ipFamilies;
			result.ipFamilyPolicy ??= previous.ipFamilyPolicy;
		} else if (previous?.clusterIP && result.clusterIP !== previous.clusterIP) {
			errors.push(invalidValue('spec.clusterIPs[0]', result.clusterIP, 'may not change once set'));
		} else if (result.clusterIP === 'None') {
			result.clusterIPs = ['None'];
		} else if (result.clusterIP) {
			const error = this.clusterIps.allocateSpecific(result.clusterIP);
			if (error) {
				errors.push(error);
			} else {
				reservedIps.push(result.clusterIP);
				result.clusterIPs = [result.clusterIP];
			}
		} else {
			const ip = this.clusterIps.allocateNext();
			reservedIps.push(ip);
			result.clusterIP = ip;
			result.clusterIPs = [ip];
		}

		if (type !== 'ExternalName') {
			result.ipFamilies ??= ['IPv4'];
			result.ipFamilyPolicy ??= 'SingleStack';
		}

		const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && result.allocateLoadBalancerNodePorts !== false);
		const previousPorts = new Set(previous ? nodePortsOf(previous) : []);
		result.ports = result.ports?.map((port, index): ServicePort => {
			if (!wantsNodePorts) {
				const {nodePort: _dropped, ...rest} = port;
				return rest;
			}

			if (port.nodePort) {
				if (previousPorts.has(port.nodePort)) {
					return port;
				}

				const error = this.nodePorts.allocateSpecific(port.nodePort, index);
				if (error) {
					errors.push(error);
				} else {
					reservedPorts.push(port.nodePort);
				}

				return port;
			}

			const reused = previous?.ports?.find(
				old => old.port === port.port && (old.protocol ?? 'TCP') === (port.protocol ?? 'TCP') && old.nodePort,
			);
			if (reused?.nodePort) {
				return {...port, nodePort: reused.nodePort};
			}

			const allocated = this.nodePorts.allocateNext();
			reservedPorts.push(allocated);
			return {...port, nodePort: allocated};
		});

		if (errors.length > 0) {
			release();
			return {errors};
		}

		return {spec: orderServiceSpec(result as Record<string, unknown>) as ServiceSpec, release};
	}
}

function specOf(object: KubeObject): ServiceSpec {
	return (object['spec'] as ServiceSpec | undefined) ?? {};
}

function nodePortsOf(spec: ServiceSpec): number[] {
	return (spec.ports ?? []).map(port => port.nodePort).filter((port): port is number => typeof port === 'number' && port > 0);
}
