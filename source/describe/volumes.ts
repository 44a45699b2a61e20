import {canonicalQuantity} from './quantity.js';
import type {Volume} from './types.js';
import {byteOrder, goList, writeAnnotations, writeLabels, type DescribeWriter, type PrefixWriter} from './writer.js';

type Source = Record<string, unknown>;
/** A field line; `colon` false for the one kubectl prints without (ISCSIInterface). */
type Field = [label: string, value: (source: Source) => string, colon?: false];

/** Go's `%v` of a plain value: booleans as true/false, absent numbers 0, absent strings empty. */
const text =
	(key: string, zero = '') =>
	(source: Source) =>
		source[key] === undefined || source[key] === null ? zero : String(source[key]);
const flag = (key: string) => (source: Source) => String(source[key] === true);
const number = (key: string) => text(key, '0');
const list = (key: string) => (source: Source) => goList(source[key] as unknown[] | undefined);
/** `%v` of a `*LocalObjectReference` (its generated String method). */
const reference = (key: string) => (source: Source) => {
	const value = source[key] as {name?: string} | undefined;
	return value ? `&LocalObjectReference{Name:${value.name ?? ''},}` : 'nil';
};

/** `%v` of a Go map: `map[k:v ...]`, sorted by key. */
const goMap = (key: string) => (source: Source) => {
	const map = (source[key] ?? {}) as Record<string, string>;
	return `map[${Object.keys(map)
		.sort(byteOrder)
		.map(name => `${name}:${map[name]}`)
		.join(' ')}]`;
};

const readOnly: Field = ['ReadOnly', flag('readOnly')];
const fsType: Field = ['FSType', text('fsType')];

/** Every volume kind describe knows: its Type line and the fields it lists, in kubectl's order. */
const kinds: Array<[key: string, type: string, fields: Field[]]> = [
	[
		'hostPath',
		'HostPath (bare host directory volume)',
		[
			['Path', text('path')],
			['HostPathType', text('type', '<none>')],
		],
	],
	[
		'emptyDir',
		"EmptyDir (a temporary directory that shares a pod's lifetime)",
		[
			['Medium', text('medium')],
			['SizeLimit', source => sizeLimit(source['sizeLimit'])],
		],
	],
	[
		'gcePersistentDisk',
		'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)',
		[['PDName', text('pdName')], fsType, ['Partition', number('partition')], readOnly],
	],
	[
		'awsElasticBlockStore',
		'AWSElasticBlockStore (a Persistent Disk resource in AWS)',
		[['VolumeID', text('volumeID')], fsType, ['Partition', number('partition')], readOnly],
	],
	[
		'gitRepo',
		'GitRepo (a volume that is pulled from git when the pod is created)',
		[
			['Repository', text('repository')],
			['Revision', text('revision')],
		],
	],
	[
		'secret',
		'Secret (a volume populated by a Secret)',
		[
			['SecretName', text('secretName')],
			['Optional', flag('optional')],
		],
	],
	[
		'configMap',
		'ConfigMap (a volume populated by a ConfigMap)',
		[
			['Name', text('name')],
			['Optional', flag('optional')],
		],
	],
	['nfs', 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', text('server')], ['Path', text('path')], readOnly]],
	[
		'iscsi',
		"ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
		[
			['TargetPortal', text('targetPortal')],
			['IQN', text('iqn')],
			['Lun', number('lun')],
			['ISCSIInterface', text('iscsiInterface'), false],
			fsType,
			readOnly,
			['Portals', list('portals')],
			['DiscoveryCHAPAuth', flag('chapAuthDiscovery')],
			['SessionCHAPAuth', flag('chapAuthSession')],
			['SecretRef', reference('secretRef')],
			['InitiatorName', text('initiatorName', '<none>')],
		],
	],
	[
		'glusterfs',
		"Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)",
		[['EndpointsName', text('endpoints')], ['Path', text('path')], readOnly],
	],
	[
		'persistentVolumeClaim',
		'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
		[['ClaimName', text('claimName')], readOnly],
	],
	['ephemeral', 'EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)', []],
	[
		'rbd',
		"RBD (a Rados Block Device mount on the host that shares a pod's lifetime)",
		[
			['CephMonitors', list('monitors')],
			['RBDImage', text('image')],
			fsType,
			['RBDPool', text('pool')],
			['RadosUser', text('user')],
			['Keyring', text('keyring')],
			['SecretRef', reference('secretRef')],
			readOnly,
		],
	],
	[
		'quobyte',
		"Quobyte (a Quobyte mount on the host that shares a pod's lifetime)",
		[['Registry', text('registry')], ['Volume', text('volume')], readOnly],
	],
	['downwardAPI', 'DownwardAPI (a volume populated by information about the pod)', []],
	[
		'azureDisk',
		'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)',
		[
			['DiskName', text('diskName')],
			['DiskURI', text('diskURI')],
			['Kind', text('kind')],
			fsType,
			['CachingMode', text('cachingMode')],
			readOnly,
		],
	],
	[
		'vsphereVolume',
		'vSphereVolume (a Persistent Disk resource in vSphere)',
		[['VolumePath', text('volumePath')], fsType, ['StoragePolicyName', text('storagePolicyName')]],
	],
	[
		'cinder',
		'Cinder (a Persistent Disk resource in OpenStack)',
		[['VolumeID', text('volumeID')], fsType, readOnly, ['SecretRef', reference('secretRef')]],
	],
	['photonPersistentDisk', 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [['PdID', text('pdID')], fsType]],
	['portworxVolume', 'PortworxVolume (a Portworx Volume resource)', [['VolumeID', text('volumeID')]]],
	[
		'scaleIO',
		'ScaleIO (a persistent volume backed by a block device in ScaleIO)',
		[
			['Gateway', text('gateway')],
			['System', text('system')],
			['Protection Domain', text('protectionDomain')],
			['Storage Pool', text('storagePool')],
			['Storage Mode', text('storageMode')],
			['VolumeName', text('volumeName')],
			fsType,
			readOnly,
		],
	],
	[
		'cephfs',
		"CephFS (a CephFS mount on the host that shares a pod's lifetime)",
		[
			['Monitors', list('monitors')],
			['Path', text('path')],
			['User', text('user')],
			['SecretFile', text('secretFile')],
			['SecretRef', reference('secretRef')],
			readOnly,
		],
	],
	[
		'storageos',
		'StorageOS (a StorageOS Persistent Disk resource)',
		[['VolumeName', text('volumeName')], ['VolumeNamespace', text('volumeNamespace')], fsType, readOnly],
	],
	[
		'fc',
		'FC (a Fibre Channel disk)',
		[['TargetWWNs', source => ((source['targetWWNs'] ?? []) as string[]).join(', ')], ['LUN', text('lun', '<none>')], fsType, readOnly],
	],
	[
		'azureFile',
		'AzureFile (an Azure File Service mount on the host and bind mount to the pod)',
		[['SecretName', text('secretName')], ['ShareName', text('shareName')], readOnly],
	],
	[
		'flexVolume',
		'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)',
		[['Driver', text('driver')], fsType, ['SecretRef', reference('secretRef')], readOnly, ['Options', goMap('options')]],
	],
	[
		'flocker',
		'Flocker (a Flocker volume mounted by the Flocker agent)',
		[
			['DatasetName', text('datasetName')],
			['DatasetUUID', text('datasetUUID')],
		],
	],
	['projected', 'Projected (a volume that contains injected data from multiple sources)', []],
	['csi', 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', text('driver')], fsType, readOnly]],
	[
		'image',
		'Image (a container image or OCI artifact)',
		[
			['Reference', text('reference')],
			['PullPolicy', text('pullPolicy')],
		],
	],
];

function sizeLimit(value: unknown): string {
	const canonical = value === undefined || value === null ? '0' : canonicalQuantity(value as string);
	return canonical === '0' || canonical.startsWith('-') ? '<unset>' : canonical;
}

/** The `Volumes:` section: each volume's kind and its fields. */
export function writeVolumes(w: DescribeWriter, volumes: readonly Volume[] | undefined): void {
	if (!volumes || volumes.length === 0) {
		w.write(0, 'Volumes:\t<none>\n');
		return;
	}

	w.write(0, 'Volumes:\n');
	for (const volume of volumes) {
		w.write(1, `${volume.name}:\n`);
		const kind = kinds.find(([key]) => volume[key] !== undefined && volume[key] !== null);
		if (!kind) {
			w.write(1, '<unknown>\n');
			continue;
		}

		const [key, type, fields] = kind;
		const source = volume[key] as Source;
		w.write(2, `Type:\t${type}\n`);
		for (const [label, value, colon] of fields) {
			w.write(2, `${label}${colon === false ? '' : ':'}\t${value(source)}\n`);
		}
		if (key === 'projected') {
			writeProjected(w, source);
		}
		if (key === 'downwardAPI') {
			writeDownwardItems(w, source);
		}
		if (key === 'csi') {
			writeAttributes(w, source['volumeAttributes'] as Record<string, string> | undefined);
		}
		if (key === 'ephemeral') {
			writeClaimTemplate(w, source['volumeClaimTemplate'] as ClaimTemplate | undefined);
		}
	}
}

interface ProjectionSource {
	secret?: {name?: string; optional?: boolean};
	configMap?: {name?: string; optional?: boolean};
	downwardAPI?: unknown;
	serviceAccountToken?: {expirationSeconds?: number};
}

/** `%v` of a `*bool`: kubectl prints the pointer itself; unset is `<nil>` (set prints an address, shown here as the value). */
const boolPointer = (value: boolean | undefined) => (value === undefined ? '<nil>' : String(value));

function writeProjected(w: DescribeWriter, source: Source): void {
	for (const projection of (source['sources'] ?? []) as ProjectionSource[]) {
		if (projection.secret) {
			w.write(2, `SecretName:\t${projection.secret.name ?? ''}\n`);
			w.write(2, `SecretOptionalName:\t${boolPointer(projection.secret.optional)}\n`);
		} else if (projection.downwardAPI) {
			w.write(2, 'DownwardAPI:\ttrue\n');
		} else if (projection.configMap) {
			w.write(2, `ConfigMapName:\t${projection.configMap.name ?? ''}\n`);
			w.write(2, `ConfigMapOptional:\t${boolPointer(projection.configMap.optional)}\n`);
		} else if (projection.serviceAccountToken) {
			w.write(2, `TokenExpirationSeconds:\t${projection.serviceAccountToken.expirationSeconds ?? 0}\n`);
		}
	}
}

function writeDownwardItems(w: DescribeWriter, source: Source): void {
	w.write(2, 'Items:\n');
	const items = (source['items'] ?? []) as Array<{path?: string; fieldRef?: {fieldPath?: string}; resourceFieldRef?: {resource?: string}}>;
	for (const item of items) {
		if (item.fieldRef) {
			w.write(3, `${item.fieldRef.fieldPath ?? ''} -> ${item.path ?? ''}\n`);
		}
		if (item.resourceFieldRef) {
			w.write(3, `${item.resourceFieldRef.resource ?? ''} -> ${item.path ?? ''}\n`);
		}
	}
}

function writeAttributes(w: DescribeWriter, attributes: Record<string, string> | undefined): void {
	w.write(2, 'VolumeAttributes:\t');
	const keys = Object.keys(attributes ?? {}).sort(byteOrder);
	if (keys.length === 0) {
		w.line('<none>');
		return;
	}

	keys.forEach((key, index) => {
		if (index > 0) {
			w.write(2, '\t');
		}
		const line = `${key}=${attributes![key]}`;
		w.write(2, `${line.length > 140 ? `${line.slice(0, 140)}...` : line}\n`);
	});
}

interface ClaimTemplate {
	metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>};
	spec?: {
		storageClassName?: string;
		volumeName?: string;
		volumeMode?: string;
		dataSource?: {apiGroup?: string; kind?: string; name?: string};
	};
}

/** An ephemeral volume's claim template, as printPersistentVolumeClaim prints a partial claim, two levels in. */
function writeClaimTemplate(w: DescribeWriter, template: ClaimTemplate | undefined): void {
	if (!template) {
		return;
	}
	const spec = template.spec ?? {};
	w.write(
		2,
		`StorageClass:\t${template.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? ''}\n`,
	);
	w.write(2, `Volume:\t${spec.volumeName ?? ''}\n`);
	const nested = new NestedWriter(w, 2);
	writeLabels(nested, 'Labels', template.metadata?.labels);
	writeAnnotations(nested, 'Annotations', template.metadata?.annotations);
	w.write(2, 'Capacity:\t\n');
	w.write(2, 'Access Modes:\t\n');
	if (spec.volumeMode) {
		w.write(2, `VolumeMode:\t${spec.volumeMode}\n`);
	}
	if (spec.dataSource) {
		w.write(2, 'DataSource:\n');
		if (spec.dataSource.apiGroup) {
			w.write(3, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
		}
		w.write(3, `Kind:\t${spec.dataSource.kind ?? ''}\n`);
		w.write(3, `Name:\t${spec.dataSource.name ?? ''}\n`);
	}
}

/** kubectl's nestedPrefixWriter: every write `indent` levels deeper; WriteLine too. */
class NestedWriter implements PrefixWriter {
	constructor(
		private readonly inner: DescribeWriter,
		private readonly indent: number,
	) {}
	write(level: number, part: string): void {
		this.inner.write(level + this.indent, part);
	}

	line(part: string): void {
		this.inner.write(this.indent, `${part}\n`);
	}
}
