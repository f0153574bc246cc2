// One scenario file's text parsed with the `yaml` package (YAML with comments, or JSON), keeping the
// node positions so a path inside the data maps back to a line of the file.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Path, Problem } from './errors.js';

/** A parsed file: its plain data and a way to find the line of a path. */
export interface SourceDocument {
  file: string;
  data: unknown;
  /** 1-based line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: Path): number | undefined;
}

/** Parses YAML or JSON text; returns the document, or the syntax problems (file and line) if it does not parse. */
export function parseSourceText(text: string, file: string): SourceDocument | Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file,
      ...(error.linePos ? { line: error.linePos[0].line } : {}),
      path: '',
      message: `cannot parse: ${firstLine(error.message)}`,
    }));
  }
  // A JSON round trip gives aliased YAML nodes (*anchor) their own copies: overriding one must not change the others.
  const data: unknown = JSON.parse(JSON.stringify(doc.toJS({ maxAliasCount: 1000 }) ?? null));
  const lineOf = (path: Path): number | undefined => nodeLine(doc, lineCounter, path);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [{ file, line: 1, path: '', message: 'expected a mapping of scenario keys (id, name, crossings, ...)' }];
  }
  return { file, data, lineOf };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function nodeLine(doc: Document, lineCounter: LineCounter, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const node = n === 0 ? doc.contents : doc.getIn(prefix, true);
    // A missing key is reported on its parent mapping (whose range starts at its first key).
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
