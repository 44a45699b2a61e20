import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {headerOf, noResourcesMessage} from '../../source/format/columns.js';
import {podColumns} from '../../source/format/pod.js';
import {serviceColumns} from '../../source/format/service.js';
import {cellText, formatTable, renderTable, tabwrite, visibleCells, visibleColumns} from './kubectl-table.js';

describe('formatTable: whole kubectl output', () => {
	test('kubectl get pods -o wide (kubectl-cells.md)', () => {
		const rows = [
			['hello-pod', '1/1', 'Running', '0', '3m10s', '10.244.0.12', 'minikube', '<none>', '<none>'],
			['crashy', '0/1', 'CrashLoopBackOff', '4 (62s ago)', '5m', '10.244.0.13', 'minikube', '<none>', '<none>'],
			['init-demo', '0/1', 'Init:0/1', '0', '8s', '10.244.0.14', 'minikube', '<none>', '<none>'],
			['unsched', '0/1', 'Pending', '0', '2m1s', '<none>', '<none>', '<none>', '<none>'],
			['old-job', '0/1', 'Completed', '0', '2d1h', '10.244.0.9', 'minikube', '<none>', '<none>'],
		];
		assert.deepEqual(formatTable(podColumns.map(headerOf), rows), [
			'NAME        READY   STATUS             RESTARTS      AGE     IP            NODE       NOMINATED NODE   READINESS GATES',
			'hello-pod   1/1     Running            0             3m10s   10.244.0.12   minikube   <none>           <none>',
			'crashy      0/1     CrashLoopBackOff   4 (62s ago)   5m      10.244.0.13   minikube   <none>           <none>',
			'init-demo   0/1     Init:0/1           0             8s      10.244.0.14   minikube   <none>           <none>',
			'unsched     0/1     Pending            0             2m1s    <none>        <none>     <none>           <none>',
			'old-job     0/1     Completed          0             2d1h    10.244.0.9    minikube   <none>           <none>',
		]);
	});

	test('kubectl get svc -o wide (kubectl-cells.md)', () => {
		const rows = [
			['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '8d', '<none>'],
			['hello-svc', 'ClusterIP', '10.96.45.10', '<none>', '4050/TCP', '2m', 'app=hello'],
			['hello-np', 'NodePort', '10.96.201.7', '<none>', '5000:30000/TCP', '2m', 'app=hello'],
		];
		assert.deepEqual(formatTable(serviceColumns.map(headerOf), rows), [
			'NAME         TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)          AGE   SELECTOR',
			'kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP          8d    <none>',
			'hello-svc    ClusterIP   10.96.45.10   <none>        4050/TCP         2m    app=hello',
			'hello-np     NodePort    10.96.201.7   <none>        5000:30000/TCP   2m    app=hello',
		]);
	});

	test('columns are at least 6 wide (minwidth), else the widest cell + 3 (padding)', () => {
		assert.deepEqual(
			formatTable(
				['A', 'BB', 'CCCC', 'D'],
				[
					['1', '22', '4444', 'x'],
					['', 'b', 'cccccc', 'y'],
				],
			),
			['A     BB    CCCC     D', '1     22    4444     x', '      b     cccccc   y'],
		);
	});

	test('the last column is not padded; an empty last cell leaves the padding before it, as kubectl does', () => {
		assert.deepEqual(
			formatTable(
				['LAST SEEN', 'TYPE', 'MESSAGE'],
				[
					['5s', 'Normal', 'Pulled'],
					['7s', 'Normal', ''],
				],
			),
			['LAST SEEN   TYPE     MESSAGE', '5s          Normal   Pulled', '7s          Normal   '],
		);
	});

	test('empty cells in the middle are padded to the column width', () => {
		assert.deepEqual(
			formatTable(
				['NAME', 'ENDPOINTS', 'AGE'],
				[
					['starting', '', '30s'],
					['web', '172.17.0.5:80', '60m'],
				],
			),
			['NAME       ENDPOINTS       AGE', 'starting                   30s', 'web        172.17.0.5:80   60m'],
		);
	});

	test('no rows: no header either (kubectl prints "No resources found" to stderr instead)', () => {
		assert.deepEqual(formatTable(['NAME', 'AGE'], []), []);
		assert.equal(noResourcesMessage('default'), 'No resources found in default namespace.');
		assert.equal(noResourcesMessage(), 'No resources found');
	});

	test('cells are cut at a line break, and width counts code points (runes), not UTF-16 units', () => {
		assert.deepEqual(
			formatTable(
				['NAME', 'MESSAGE', 'AGE'],
				[
					['café', 'first line\nsecond line', '1s'],
					['🚀-pod', 'ok', '2s'],
				],
			),
			['NAME    MESSAGE         AGE', 'café    first line...   1s', '🚀-pod   ok              2s'],
		);
	});

	test('a tab inside a cell ends the cell, as it does in kubectl', () => {
		// The row gets a fourth cell; its third column exists only on that line.
		assert.deepEqual(formatTable(['A', 'B', 'C'], [['x\ty', 'z', 'w']]), ['A     B     C', 'x     y     z     w']);
	});
});

describe('renderTable: kubectl get decorations', () => {
	const rows = [
		{namespace: 'default', cells: ['hello-pod', '1/1', 'Running', '0', '3m10s', '172.17.0.12', 'minikube', '<none>', '<none>']},
		{
			namespace: 'kube-system',
			cells: ['coredns-7db6d8ff4d-x2vqz', '1/1', 'Running', '1 (8d ago)', '8d', '10.244.0.2', 'minikube', '<none>', '<none>'],
		},
	];

	test('-A prepends NAMESPACE; priority-1 columns are hidden unless wide', () => {
		assert.deepEqual(renderTable(podColumns, rows, {withNamespace: true}), [
			'NAMESPACE     NAME                       READY   STATUS    RESTARTS     AGE',
			'default       hello-pod                  1/1     Running   0            3m10s',
			'kube-system   coredns-7db6d8ff4d-x2vqz   1/1     Running   1 (8d ago)   8d',
		]);
	});

	test('-A -o wide', () => {
		assert.deepEqual(renderTable(podColumns, rows, {withNamespace: true, wide: true}), [
			'NAMESPACE     NAME                       READY   STATUS    RESTARTS     AGE     IP            NODE       NOMINATED NODE   READINESS GATES',
			'default       hello-pod                  1/1     Running   0            3m10s   172.17.0.12   minikube   <none>           <none>',
			'kube-system   coredns-7db6d8ff4d-x2vqz   1/1     Running   1 (8d ago)   8d      10.244.0.2    minikube   <none>           <none>',
		]);
	});

	test('a cluster-scoped row under -A has an empty NAMESPACE cell', () => {
		assert.deepEqual(renderTable(podColumns.slice(0, 2), [{cells: ['node-a', '1/1']}], {withNamespace: true}), [
			'NAMESPACE   NAME     READY',
			'            node-a   1/1',
		]);
	});

	test('visibleColumns / visibleCells keep priority 0 unless wide, and drop extra cells', () => {
		assert.deepEqual(visibleColumns(serviceColumns, false).map(headerOf), ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
		assert.deepEqual(visibleCells(serviceColumns, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'extra'], true), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		assert.deepEqual(visibleCells(serviceColumns, ['a', 'b', 'c', 'd', 'e', 'f', 'g'], false), ['a', 'b', 'c', 'd', 'e', 'f']);
	});
});

describe('cellText', () => {
	for (const [input, expected] of [
		['plain', 'plain'],
		['', ''],
		['one\ntwo', 'one...'],
		['one\r\ntwo', 'one...'],
		['form\ffeed', 'form...'],
		['\nleading', '...'],
		['color \u001b[31mred\u001b[0m', 'color ^[[31mred^[[0m'],
		['esc \u001b before\nbreak', 'esc ^[ before...'],
		['already cut...', 'already cut...'],
	] as const) {
		test(JSON.stringify(input), () => {
			assert.equal(cellText(input), expected);
			// Applying it again changes nothing, so callers may pre-format cells.
			assert.equal(cellText(expected), expected);
		});
	}
});

describe('tabwrite: liggitt/tabwriter semantics', () => {
	test('a column is aligned only over contiguous lines that have it', () => {
		// Go's own example: b and c are in distinct columns; d and e are trailing cells, not a column.
		assert.equal(
			tabwrite('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n'),
			['aaaa   bbb   d', 'aa     b     dd', 'a      ', 'aa     cccc   eee', ''].join('\n'),
		);
	});

	test('RememberWidths: a later block of a column is never narrower than an earlier one', () => {
		// The one-cell line flushes; plain text/tabwriter would give the last line a width of 6.
		assert.equal(
			tabwrite('a\tb\nlonger-cell\tc\nsingle\nx\ty\n'),
			['a             b', 'longer-cell   c', 'single', 'x             y', ''].join('\n'),
		);
	});

	test('soft tabs (\\v) end cells like tabs; text without a newline is written as is', () => {
		assert.equal(tabwrite('a\vb\ncc\vd'), 'a     b\ncc    d');
	});
});
