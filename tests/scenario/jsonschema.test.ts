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

  test('knows the field names used for "did you mean" hints', () => {
    expect(schemaKeys()).toEqual(expect.arrayContaining(['servers', 'serviceMin', 'wagonInspection', 'tonnesPerYear', 'returnOf', 'extends', 'remove']));
  });
});
