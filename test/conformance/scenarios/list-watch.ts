// Lists and watches: resourceVersion semantics, paging, watch events.
import type {Scenario} from '../types.js';
import {core, pod} from '../manifests.js';

export const scenarios: Scenario[] = [
	{
		id: 'list-rv-match-without-rv',
		title: 'resourceVersionMatch without resourceVersion is 422',
		steps: [{path: core('pods'), query: {resourceVersionMatch: 'NotOlderThan'}, expect: 422}],
	},
	{
		id: 'list-too-new-rv',
		title: 'a list at a resourceVersion from the future waits, then 504',
		steps: [{path: core('pods'), query: {resourceVersion: '99999999'}, expect: 504}],
	},
	{
		id: 'list-too-old-rv-limit',
		title: 'a paged list at a compacted resourceVersion is 410 Expired',
		steps: [{path: core('pods'), query: {resourceVersion: '1', limit: '2'}, expect: 410}],
	},
	{
		id: 'list-rv-match-exact-zero',
		title: 'resourceVersionMatch=Exact with resourceVersion 0 is 422',
		steps: [{path: core('pods'), query: {resourceVersion: '0', resourceVersionMatch: 'Exact'}, expect: 422}],
	},
	{
		id: 'list-rv-match-on-watch',
		title: 'resourceVersionMatch on a watch is 422',
		steps: [{path: core('pods'), query: {watch: '1', resourceVersion: '0', resourceVersionMatch: 'NotOlderThan'}, expect: 422}],
	},
	{
		id: 'list-paging',
		title: 'limit pages a list with a continue token and a remaining count',
		steps: [
			{method: 'POST', path: core('pods'), body: pod('a'), expect: 201, compare: 'code'},
			{method: 'POST', path: core('pods'), body: pod('b'), expect: 201, compare: 'code'},
			{method: 'POST', path: core('pods'), body: pod('c'), expect: 201, compare: 'code'},
			{
				path: core('pods'),
				query: {limit: '2'},
				expect: 200,
				compare: ['metadata', 'items.*.metadata.name'],
				save: {token: 'metadata.continue'},
			},
			{path: core('pods'), query: {limit: '2', continue: '{token}'}, expect: 200, compare: ['metadata', 'items.*.metadata.name']},
		],
	},
	{
		id: 'watch-too-old-rv',
		title: 'a watch from resourceVersion 1 gets one ERROR event, 410 Expired',
		steps: [{path: core('pods'), query: {watch: '1', resourceVersion: '1'}, watch: {events: 2, timeoutMs: 3000}, expect: 200}],
	},
	{
		id: 'watch-get-one-object',
		title: 'GET of one pod with ?watch=1 returns the pod',
		steps: [
			{method: 'POST', path: core('pods'), body: pod('one'), expect: 201, compare: 'code'},
			{path: core('pods', 'one'), query: {watch: '1'}, expect: 200, compare: ['kind', 'metadata.name']},
		],
	},
	{
		id: 'watch-pod-deletion',
		title: "a pod's deletion ends with MODIFIED at grace 0, then DELETED",
		steps: [
			{
				method: 'POST',
				path: core('pods'),
				body: pod('gone', {spec: {terminationGracePeriodSeconds: 1}}),
				expect: 201,
				compare: 'code',
				save: {rv: 'metadata.resourceVersion'},
			},
			{path: core('pods', 'gone'), until: {path: 'status.phase', equals: 'Running'}, compare: ['status.phase']},
			{method: 'DELETE', path: core('pods', 'gone'), expect: 200, compare: 'code'},
			{path: core('pods', 'gone'), until: {code: 404}, expect: 404, compare: 'code'},
			{
				path: core('pods'),
				query: {watch: '1', resourceVersion: '{rv}', timeoutSeconds: '2'},
				watch: {timeoutMs: 5000},
				expect: 200,
				compare: ['-2.type', '-2.object.metadata.deletionGracePeriodSeconds', '-1.type', '-1.object.metadata.deletionGracePeriodSeconds'],
			},
		],
	},
];
