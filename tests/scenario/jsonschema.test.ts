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
    // A stage's serviceMin is the shared distribution part, with its description.
    const stage = schema.$defs.Stage as { properties: { serviceMin: unknown } };
    expect(stage.properties.serviceMin).toEqual({ $ref: '#/$defs/Minutes' });
    expect((schema.$defs.Minutes as { description: string }).description).toMatch(/^Minutes: a number/);
  });

  test('knows the field names used for "did you mean" hints', () => {
    expect(schemaKeys()).toEqual(expect.arrayContaining(['servers', 'serviceMin', 'wagonInspection', 'tonnesPerYear', 'returnOf', 'extends', 'remove']));
  });
});
