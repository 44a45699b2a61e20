import {useRef} from 'react';
import {scrollTop} from '../../state/selection.js';

/** The first row on screen: it only moves when the selection would leave the screen. */
export function useScrollTop(selected: number, visibleRows: number, total: number): number {
	const top = useRef(0);
	top.current = scrollTop(top.current, selected, visibleRows, total);
	return top.current;
}
