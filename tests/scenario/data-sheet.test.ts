// The data sheet the scenarios cite lives in the repo: every `[n]` and `§n` of scenarios/*.yaml resolves in
// docs/data-sheet.md, and no scenario file points at a path outside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const SHEET = readFileSync('docs/data-sheet.md', 'utf8');
const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, text: readFileSync(join('scenarios', f), 'utf8') }));

/** Reference numbers listed under "## References" as `- [n] …` lines. */
function listedReferences(sheet: string): number[] {
  const at = sheet.indexOf('\n## References\n');
  expect(at).toBeGreaterThan(0);
  return [...sheet.slice(at).matchAll(/^- \[(\d+)\] \S/gm)].map((m) => Number(m[1]));
}

describe('docs/data-sheet.md', () => {
  test('every [n] used in scenarios/*.yaml is in its reference list', () => {
    const listed = new Set(listedReferences(SHEET));
    const used = SCENARIOS.flatMap(({ file, text }) => [...text.matchAll(/\[(\d+)\]/g)].map((m) => ({ file, n: Number(m[1]) })));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((u) => !listed.has(u.n))).toEqual([]);
  });

  test('the references run 1, 2, … without gaps or repeats', () => {
    const listed = listedReferences(SHEET);
    expect(listed).toEqual(listed.map((_, i) => i + 1));
    expect(listed.length).toBeGreaterThanOrEqual(27);
  });

  test('every §n cited by a scenario is a section of the sheet', () => {
    const sections = new Set([...SHEET.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
    const cited = SCENARIOS.flatMap(({ text }) => [...text.matchAll(/§(\d+)/g)].map((m) => Number(m[1])));
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter((n) => !sections.has(n))).toEqual([]);
  });

  test('the seed article is cited by author, title and date', () => {
    expect(SHEET).toMatch(/Victoria Namzhilova, \*Interim trade agreement between the EAEU and Mongolia\*, Russian\s+International Affairs Council \(RIAC\), late 2024/);
  });

  test('the article\'s anchors are there: Kyakhta 297,000 t, Naushki 7.8 million t, the terminal\'s 300 vehicles a day', () => {
    expect(SHEET).toContain('| Kyakhta – Altanbulag (road), 2023 freight | 297,000 t | article |');
    expect(SHEET).toContain('| Naushki – Sükhbaatar (rail), 2023 freight | 7.8 million t | article |');
    expect(SHEET).toMatch(/over 300 vehicles a day \| article \|/);
  });

  test('scenario files and their README point inside the repo, not at shared/ or other outside paths', () => {
    const texts = [...SCENARIOS, { file: 'README.md', text: readFileSync('scenarios/README.md', 'utf8') }];
    const outside = texts.filter(({ text }) => /shared\/data|crossings\.md|\.\.\/shared|\/work\//.test(text)).map((t) => t.file);
    expect(outside).toEqual([]);
    expect(SCENARIOS.find((s) => s.file === 'baseline-2023.yaml')!.text).toContain('docs/data-sheet.md');
  });
});
