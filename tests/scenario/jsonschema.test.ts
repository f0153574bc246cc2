import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText, schemaKeys } from '../../src/scenario/jsonschema.js';

describe('scenario JSON Schema', () => {
  test('scenarios/scenario.schema.json is up to date (regenerate: bordersim schema > scenarios/scenario.schema.json)', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });

  test('plans (with extends) and full scenarios get their own branch; unknown keys are rejected', () => {
    const schema = scenarioJsonSchema() as { if: unknown; then: { required: string[] }; else: { required: string[]; additionalProperties: boolean } };
    expect(schema.if).toEqual({ type: 'object', required: ['extends'] });
    expect(schema.then.required).toEqual(expect.arrayContaining(['extends', 'id']));
    expect(schema.else.required).toEqual(expect.arrayContaining(['id', 'name', 'startDate', 'days', 'crossings']));
    expect(schema.else.additionalProperties).toBe(false);
  });

  test('lists the scenario\'s parts once each under their names, and every $ref points to one of them', () => {
    const schema = scenarioJsonSchema() as { $defs: Record<string, unknown> };
    const names = Object.keys(schema.$defs);
    expect(names).toEqual(expect.arrayContaining(['Crossing', 'Stage', 'DemandSource', 'Minutes', 'Hours', 'Closure', 'CrossingChanges', 'StageChanges']));
    expect(names.filter((n) => !/^[A-Z][A-Za-z]+$/.test(n))).toEqual([]);
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !names.includes(r))).toEqual([]);
    // A stage's serviceMin is the shared distribution part, with its own description beside the part's.
    const stage = schema.$defs.Stage as { properties: { serviceMin: unknown } };
    expect(stage.properties.serviceMin).toEqual({ description: 'Service time per vehicle (per train at rail stages), minutes.', $ref: '#/$defs/Minutes' });
    expect((schema.$defs.Minutes as { description: string }).description).toMatch(/^Minutes: a number/);
  });

  test('every field of a scenario (every part, distributions included) has a description', () => {
    const schema = scenarioJsonSchema() as { else: unknown; $defs: Record<string, unknown> };
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((n) => walk(n, where));
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
          if (key !== 'properties') walk(value, where);
          else {
            for (const [name, field] of Object.entries(value as Record<string, Record<string, unknown>>)) {
              if (typeof field.description !== 'string' || field.description.length < 5) missing.push(`${where}.${name}`);
              walk(field, `${where}.${name}`);
            }
          }
        }
      }
    };
    walk(schema.else, 'Scenario');
    for (const [name, part] of Object.entries(schema.$defs)) if (!name.endsWith('Changes')) walk(part, name);
    expect(missing).toEqual([]);
    expect(JSON.stringify(schema).match(/"description"/g)!.length).toBeGreaterThan(100);
  });

  test('knows the field names used for "did you mean" hints', () => {
    expect(schemaKeys()).toEqual(expect.arrayContaining(['servers', 'serviceMin', 'wagonInspection', 'tonnesPerYear', 'returnOf', 'extends', 'remove']));
  });
});
