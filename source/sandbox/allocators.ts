import {randomInt} from 'node:crypto';
import {invalidValue, type FieldError} from './status.js';

// 10.96.0.0/12, minikube's (and kubeadm's) default service range.
const ipBase = (10 << 24) | (96 << 16);
const ipSize = 1 << 20;

function ipToNumber(ip: string): number {
	return ip.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function numberToIp(value: number): string {
	return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** Service ClusterIPs in 10.96.0.0/12: random unless asked for, unique, 10.96.0.1 for `kubernetes`. */
export class ClusterIpAllocator {
	private readonly used = new Set<number>();

	/** Reserves a requested address; a field error when taken or outside the range. */
	allocateSpecific(ip: string): FieldError | undefined {
		const value = ipToNumber(ip);
		if (value - ipBase <= 0 || value - ipBase >= ipSize - 1) {
			return invalidValue(
				'spec.clusterIPs',
				[ip],
				`failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`,
			);
		}

		if (this.used.has(value)) {
			return invalidValue('spec.clusterIPs', [ip], `failed to allocate IP ${ip}: provided IP is already allocated`);
		}

		this.used.add(value);
		return undefined;
	}

	/** A free random address (never the network, broadcast or 10.96.0.1 when random). */
	allocateNext(): string {
		for (;;) {
			const value = ipBase + 2 + randomInt(ipSize - 3);
			if (!this.used.has(value)) {
				this.used.add(value);
				return numberToIp(value);
			}
		}
	}

	release(ip: string | undefined): void {
		if (ip && ip !== 'None') {
			this.used.delete(ipToNumber(ip));
		}
	}
}

/** The NodePort range of a default API server. */
export const nodePortRange = {first: 30_000, last: 32_767};

/** NodePorts in 30000–32767: random unless asked for, unique, freed when their service goes. */
export class NodePortAllocator {
	private readonly used = new Set<number>();

	/** Reserves `port` for `spec.ports[index]`; the exact 422 field error when out of range or taken. */
	allocateSpecific(port: number, index: number): FieldError | undefined {
		const field = `spec.ports[${index}].nodePort`;
		if (port < nodePortRange.first || port > nodePortRange.last) {
			return invalidValue(
				field,
				port,
				`provided port is not in the valid range. The range of valid ports is ${nodePortRange.first}-${nodePortRange.last}`,
			);
		}

		if (this.used.has(port)) {
			return invalidValue(field, port, 'provided port is already allocated');
		}

		this.used.add(port);
		return undefined;
	}

	allocateNext(): number {
		const size = nodePortRange.last - nodePortRange.first + 1;
		if (this.used.size >= size) {
			throw new Error('range is full');
		}

		for (;;) {
			const port = nodePortRange.first + randomInt(size);
			if (!this.used.has(port)) {
				this.used.add(port);
				return port;
			}
		}
	}

	release(port: number | undefined): void {
		if (port) {
			this.used.delete(port);
		}
	}

	has(port: number): boolean {
		return this.used.has(port);
	}
}
