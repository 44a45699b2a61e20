/**
 * Finds the string literals in kpods' source that reach the screen (or the terminal) without
 * going through the catalog: JSX text, text given to a line-drawing call (fitLine, withStatus, …),
 * and the values of status, message and line fields. Non-language text (kubectl commands, symbols,
 * keys, object references) is told apart by `isLanguage`.
 */
import ts from 'typescript';

/** A string found where it would be shown, and where it is. */
export interface ScreenString {
	file: string;
	line: number;
	text: string;
}

/** Calls whose argument (at the index) is shown as it is. */
const shownArguments = new Map<string, number[]>(
	Object.entries({
		fitLine: [0],
		safeLine: [0],
		withStatus: [1],
		actionStarted: [1],
		fail: [0],
		write: [0],
		invalid: [0],
		ask: [2, 3],
	}),
);

/** Object fields whose value is shown (status lines, errors, results, titles). */
const shownFields = new Set(['text', 'error', 'message', 'line', 'lines', 'busy', 'title', 'summary', 'question', 'note', 'reason']);

/**
 * Whether a literal's own text (placeholders removed) is words of a language: three letters in a
 * row, once kubectl commands, flags, `kind/name` references and file names are set aside.
 */
export function isLanguage(text: string): boolean {
	const trimmed = text.trim();
	// A catalog key (`status.nothingSelected`) is the catalog's, not text.
	if (/^[a-z][a-zA-Z]*(?:\.[a-zA-Z-]+)+$/.test(trimmed)) {
		return false;
	}
	if (/^\$?\s*kubectl\b/.test(trimmed) || /^kpods(?: sandbox)?:?\s*$/.test(trimmed)) {
		return false;
	}
	const rest = trimmed
		// kubectl's empty cell.
		.replaceAll('<none>', ' ')
		.replaceAll(/(?:^|\s)--?[a-z][\w-]*(=\S*)?/g, ' ')
		.replaceAll(/\b(?:pod|svc|service|deployment)\/\S*/g, ' ')
		.replaceAll(/\b\d+(?:\.\d+)*\b/g, ' ');
	return /[A-Za-zÀ-ÿ]{3,}/.test(rest);
}

/** The static text of a string or template literal (each `${…}` as one space). */
function literalText(node: ts.Node): string | undefined {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
		return node.text;
	}
	if (ts.isTemplateExpression(node)) {
		return [node.head.text, ...node.templateSpans.map(span => span.literal.text)].join(' ');
	}
	return undefined;
}

/**
 * The literals an expression shows: itself, both branches of `a ? b : c`, either side of `+` and
 * `??`, an array's items, what `.join()` joins, and what a `const` of the same file holds.
 */
function shownLiterals(node: ts.Expression, constants: ReadonlyMap<string, ts.Expression[]>, seen = new Set<string>()): ts.Node[] {
	const shown = (each: ts.Expression) => shownLiterals(each, constants, seen);
	if (ts.isIdentifier(node)) {
		if (seen.has(node.text)) {
			return [];
		}
		seen.add(node.text);
		return (constants.get(node.text) ?? []).flatMap(shown);
	}
	if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
		return shown(node.expression.expression);
	}
	if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
		return shown(node.expression);
	}
	if (ts.isConditionalExpression(node)) {
		return [...shown(node.whenTrue), ...shown(node.whenFalse)];
	}
	if (
		ts.isBinaryExpression(node) &&
		[ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)
	) {
		return [...shown(node.left), ...shown(node.right)];
	}
	if (ts.isArrayLiteralExpression(node)) {
		return node.elements.flatMap(element => (ts.isSpreadElement(element) ? [] : shown(element)));
	}
	if (ts.isTemplateExpression(node)) {
		// Its own text, and literals nested in its placeholders (`${ok ? 'done' : 'failed'}`).
		return [node, ...node.templateSpans.flatMap(span => shown(span.expression))];
	}
	return literalText(node) === undefined ? [] : [node];
}

function calleeName(call: ts.CallExpression): string | undefined {
	const callee = call.expression;
	if (ts.isIdentifier(callee)) {
		return callee.text;
	}
	return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** A function whose name says it makes what is shown: `stateText`, `logTitle`, `helpLines`, `applySummary`. */
function shownByName(name: string | undefined): boolean {
	return name !== undefined && /(?:Text|Line|Lines|Title|Message|Summary|Question|Label)$/.test(name);
}

/** The name of the function a node is in (a declaration, or a const holding an arrow or function expression). */
function enclosingFunctionName(node: ts.Node): string | undefined {
	for (let parent = node.parent; parent; parent = parent.parent) {
		if (ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) {
			return parent.name?.getText();
		}
		if (ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) {
			return ts.isVariableDeclaration(parent.parent) ? parent.parent.name.getText() : undefined;
		}
	}
	return undefined;
}

/** Every language string of one source file that reaches the screen outside the catalog. */
export function screenStrings(file: string, source: string): ScreenString[] {
	const sourceFile = ts.createSourceFile(
		file,
		source,
		ts.ScriptTarget.Latest,
		true,
		file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
	);
	const found: ScreenString[] = [];
	const constants = new Map<string, ts.Expression[]>();
	const collect = (node: ts.Node): void => {
		if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
			constants.set(node.name.text, [...(constants.get(node.name.text) ?? []), node.initializer]);
		}
		ts.forEachChild(node, collect);
	};
	collect(sourceFile);
	const report = (node: ts.Node, text: string) => {
		const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
		// A const shown from several places is one finding.
		if (isLanguage(text) && !found.some(each => each.line === line && each.text === text.trim())) {
			found.push({file, line, text: text.trim()});
		}
	};
	const reportShown = (expression: ts.Expression) => {
		for (const literal of shownLiterals(expression, constants)) {
			report(literal, literalText(literal)!);
		}
	};

	const visit = (node: ts.Node): void => {
		if (ts.isJsxText(node)) {
			report(node, node.text);
		} else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
			reportShown(node.expression);
		} else if (ts.isCallExpression(node)) {
			const indexes = shownArguments.get(calleeName(node) ?? '') ?? [];
			for (const index of indexes) {
				const argument = node.arguments[index];
				if (argument) {
					reportShown(argument);
				}
			}
		} else if (ts.isPropertyAssignment(node) && shownFields.has(node.name.getText(sourceFile))) {
			reportShown(node.initializer);
		} else if (ts.isReturnStatement(node) && node.expression && shownByName(enclosingFunctionName(node))) {
			reportShown(node.expression);
		} else if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && shownByName(enclosingFunctionName(node.body))) {
			reportShown(node.body);
		}
		ts.forEachChild(node, visit);
	};
	visit(sourceFile);
	return found;
}
