/** What kpods says about a service's endpoints: each endpoint's state, and why there is no ready one. */
export const servicesEn = {
	'endpoint.ready': 'ready',
	'endpoint.notReady': 'not ready',
	'endpoint.terminating': 'terminating',
	'why.externalName': 'an ExternalName service has no endpoints: DNS answers with {name}',
	'why.externalNameUnset': 'its externalName',
	'why.noSelector': 'no selector: this service picks no pods by itself; its endpoints are whatever was written by hand',
	'why.noPodMatches': 'selector {selector} matches no pod in namespace {namespace}',
	'why.targetPortUnknown': {
		one: 'targetPort {names} matches no port of the {count} matching pod (they have {ports})',
		other: 'targetPort {names} matches no port of the {count} matching pods (they have {ports})',
	},
	'why.noneReady': {
		one: '{count} pod matches {selector} but none is ready ({states})',
		other: '{count} pods match {selector} but none is ready ({states})',
	},
	'why.more': ', +{count} more',
	'why.notPublished': {
		one: '{count} ready pod matches {selector}; the endpoints are not published yet',
		other: '{count} ready pods match {selector}; the endpoints are not published yet',
	},
	'why.undeclaredPort': 'targetPort {targets} is not a port the selected pods declare (they have {ports})',
	'why.noDeclaredPorts': 'no declared ports',
} as const;
