/**
 * A tiny HTML reader for tests (no HTML parser is installed): enough of HTML5 to read back what
 * the exporter writes and see its structure — elements, attributes, text, void elements, raw
 * text in <style>/<script>/<title>, the five entities the exporter uses. Anything it does not
 * understand throws, so a malformed export fails the test.
 */
export interface El {
	tag: string;
	attrs: Record<string, string>;
	children: (El | string)[];
	parent: El | null;
}

const VOID = new Set(['meta', 'br', 'link', 'img', 'hr', 'input']);
const RAW = new Set(['style', 'script', 'title']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decode(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== '&') {
			out += text[i];
			continue;
		}
		const end = text.indexOf(';', i);
		const name = end > i ? text.slice(i + 1, end) : '';
		if (!(name in ENTITIES)) throw new Error(`unknown entity at ${i}: ${text.slice(i, i + 10)}`);
		out += ENTITIES[name];
		i = end;
	}
	return out;
}

const isSpace = (ch: string) => ch === ' ' || ch === '\n' || ch === '\t';
const isNameChar = (ch: string) =>
	(ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '-';

export function parseHtml(html: string): El {
	const root: El = { tag: '#document', attrs: {}, children: [], parent: null };
	let current = root;
	let i = 0;
	const readName = () => {
		const start = i;
		while (i < html.length && isNameChar(html[i])) i++;
		if (i === start) throw new Error(`name expected at ${i}`);
		return html.slice(start, i).toLowerCase();
	};
	const skipSpace = () => {
		while (i < html.length && isSpace(html[i])) i++;
	};
	while (i < html.length) {
		if (html.startsWith('<!doctype html>', i)) {
			i += '<!doctype html>'.length;
		} else if (html.startsWith('</', i)) {
			i += 2;
			const tag = readName();
			if (html[i] !== '>') throw new Error(`> expected at ${i}`);
			i++;
			if (current.tag !== tag) throw new Error(`</${tag}> closes <${current.tag}>`);
			current = current.parent ?? root;
		} else if (html[i] === '<') {
			i++;
			const el: El = { tag: readName(), attrs: {}, children: [], parent: current };
			for (;;) {
				skipSpace();
				if (html[i] === '>') break;
				const name = readName();
				let value = '';
				if (html[i] === '=') {
					if (html[i + 1] !== '"') throw new Error(`quoted value expected at ${i}`);
					const end = html.indexOf('"', i + 2);
					value = decode(html.slice(i + 2, end));
					i = end + 1;
				}
				el.attrs[name] = value;
			}
			i++;
			current.children.push(el);
			if (RAW.has(el.tag)) {
				const end = html.indexOf(`</${el.tag}>`, i);
				const raw = html.slice(i, end);
				el.children.push(el.tag === 'title' ? decode(raw) : raw);
				i = end + el.tag.length + 3;
			} else if (!VOID.has(el.tag)) current = el;
		} else {
			const end = html.indexOf('<', i);
			const text = html.slice(i, end < 0 ? html.length : end);
			current.children.push(decode(text));
			i += text.length;
		}
	}
	if (current !== root) throw new Error(`<${current.tag}> is not closed`);
	return root;
}

export const elements = (el: El): El[] => el.children.filter((c): c is El => typeof c !== 'string');

/** Every element below `el` with this tag, in document order. */
export function findAll(el: El, tag: string): El[] {
	const out: El[] = [];
	for (const child of elements(el)) {
		if (child.tag === tag) out.push(child);
		out.push(...findAll(child, tag));
	}
	return out;
}

export function find(el: El, tag: string): El {
	const found = findAll(el, tag)[0];
	if (!found) throw new Error(`no <${tag}>`);
	return found;
}

export function textOf(el: El | string): string {
	return typeof el === 'string' ? el : el.children.map(textOf).join('');
}

/** The element structure without text: "ul(li(p,ul(li(p))))". */
export function shape(el: El): string {
	const kids = elements(el).map(shape);
	return kids.length ? `${el.tag}(${kids.join(',')})` : el.tag;
}

/** Whitespace-only text between blocks is layout, not content. */
export function significant(el: El): (El | string)[] {
	return el.children.filter((c) => typeof c !== 'string' || c.trim() !== '');
}
