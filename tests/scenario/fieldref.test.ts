import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fieldReference, FIELDS_END, FIELDS_START, typeText, withFieldReference } from '../../src/scenario/fieldref.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonschema.js';

const README = readFileSync('scenarios/README.md', 'utf8');

describe('the field reference in scenarios/README.md', () => {
  test('the committed text is the generated one (regenerate: npm run docs)', () => {
    expect(README).toBe(withFieldReference(README));
    expect(README).toContain(fieldReference());
  });

  test('keeps the handwritten intro and the text around the markers', () => {
    expect(README.startsWith('# Scenario files\n')).toBe(true);
    const changed = withFieldReference(`intro\n${FIELDS_START}\nold text\n${FIELDS_END}\noutro\n`, 'NEW\n');
    expect(changed).toBe(`intro\n${FIELDS_START}\n\nNEW\n\n${FIELDS_END}\noutro\n`);
    expect(() => withFieldReference('no markers here')).toThrow(/lacks the markers/);
  });

  test('every part of the schema has a section, and every field of it a row with its description', () => {
    const schema = scenarioJsonSchema() as { else: { properties: Record<string, unknown> }; $defs: Record<string, { properties?: Record<string, { description?: string }> }> };
    const reference = fieldReference();
    const parts = Object.keys(schema.$defs).filter((n) => !n.endsWith('Changes'));
    expect(parts.filter((name) => !reference.includes(`### ${name}\n`))).toEqual([]);
    const missing: string[] = [];
    for (const name of parts) {
      for (const [field, node] of Object.entries(schema.$defs[name]!.properties ?? {})) {
        const row = reference.split('\n').find((l) => l.startsWith(`| \`${field}\` |`) && l.includes(node.description!.slice(0, 20).replace(/\|/g, '\\|')));
        if (!row) missing.push(`${name}.${field}`);
      }
    }
    for (const field of Object.keys(schema.else.properties)) if (!reference.includes(`| \`${field}\` |`)) missing.push(`Scenario.${field}`);
    expect(missing).toEqual([]);
    // Closures and the distributions are documented too.
    expect(reference).toMatch(/### Closure\n\nOne entry of the scenario's `holidays` or of a crossing's `closures`/);
    expect(reference).toContain('| `triangular` | Triangular; mean (min + mode + max) / 3. | `min` | number ≥ 0 | Least value, minutes. |');
  });

  test('types read as a planner writes them', () => {
    expect(typeText({ type: 'integer', minimum: 1, maximum: 9007199254740991 })).toBe('integer ≥ 1');
    expect(typeText({ type: 'number', exclusiveMinimum: 0 })).toBe('number > 0');
    expect(typeText({ $ref: '#/$defs/Stage' })).toBe('[Stage](#stage)');
    expect(typeText({ type: 'array', items: { type: 'string', enum: ['south', 'north'] }, minItems: 1 })).toBe('list of `south` / `north`');
    expect(typeText({ type: 'array', items: { type: 'number' }, minItems: 12, maxItems: 12 })).toBe('list of 12 × number');
    expect(typeText({ anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] })).toBe('integer ≥ 1 or `null`');
    expect(typeText({ type: 'string', format: 'date' })).toBe('date YYYY-MM-DD');
  });
});
