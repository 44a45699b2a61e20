import {Children, type ReactNode} from 'react';
import {Text as InkText, type TextProps} from 'ink';

import {safeLines} from '../../format/safe-text.js';

/**
 * Ink's Text, with every string child made safe for the terminal (controls, C1, bidi
 * shown visibly; deliberate newlines kept). Every view renders text through this one:
 * test/architecture.test.ts refuses Ink's own Text anywhere else in source/ui, so a new
 * view cannot forget it, whatever its data is.
 */
export function Text({children, ...props}: TextProps) {
	return <InkText {...props}>{safeChildren(children)}</InkText>;
}

function safeChildren(children: ReactNode): ReactNode {
	if (typeof children === 'string') {
		return safeString(children);
	}
	if (!Array.isArray(children)) {
		return children;
	}
	return Children.map(children, child => (typeof child === 'string' ? safeString(child) : child));
}

function safeString(text: string): string {
	return text.includes('\n') ? safeLines(text).join('\n') : safeLines(text)[0]!;
}
