// Where things are in a config file: a JSON-with-comments parse (jsonc-parser, the parser VS Code
// itself uses) that keeps each node's offset, turned into 1-based lines and UTF-16 columns (SARIF's
// default column kind), so a report can point at the server's entry in the file.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** A span of a file: 1-based lines and columns (UTF-16 code units), the end exclusive. */
export interface TextRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** 0-based offset of the start and the length, in UTF-16 code units. */
  charOffset: number;
  charLength: number;
}

/** A syntax error at a position. */
export interface SyntaxProblem { message: string; line: number; column: number }

export interface PositionedJson {
  /** The tree; undefined when the text holds no JSON value at all. */
  root: Node | undefined;
  /** Syntax errors; comments and trailing commas are not errors. */
  problems: SyntaxProblem[];
  /** The region of a node's whole property (`"key": value`), or of the node itself when it has no key. */
  regionOf(node: Node): TextRegion;
  /** The region of the property at `path` (object keys), or undefined when there is none. */
  regionAt(path: string[]): TextRegion | undefined;
}

/** Offsets → 1-based line and column, from the line starts (a line ends at \n, \r\n or a lone \r). */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/** Parses JSON with comments and trailing commas; positions count from after a byte-order mark. */
export function parsePositioned(input: string): PositionedJson {
  const text = input.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const locate = lineLocator(text);
  const region = (offset: number, length: number): TextRegion => {
    const start = locate(offset);
    const end = locate(offset + length);
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, charOffset: offset, charLength: length };
  };
  const regionOf = (node: Node): TextRegion => {
    const target = node.parent?.type === 'property' ? node.parent : node;
    return region(target.offset, target.length);
  };
  return {
    root,
    problems: errors.map((e) => ({ message: printParseErrorCode(e.error), ...locate(e.offset) })),
    regionOf,
    regionAt(path) {
      const node = root && findNodeAtLocation(root, path);
      return node ? regionOf(node) : undefined;
    },
  };
}
