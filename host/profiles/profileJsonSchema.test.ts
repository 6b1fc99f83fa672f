import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA_PATH, profileJsonSchema, profileJsonSchemaText } from './profileJsonSchema';

describe('profile JSON Schema', () => {
  it('the published file is up to date (regenerate: fieldkit profiles schema > profiles/schema/profile.schema.json)', async () => {
    expect(await readFile(PROFILE_SCHEMA_PATH, 'utf8')).toBe(profileJsonSchemaText());
  });

  it('describes the profile shape editors need for completion', () => {
    const schema = profileJsonSchema() as { required: string[]; properties: Record<string, { enum?: string[] }>; $defs: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'description', 'templates']));
    expect(schema.properties.kind?.enum).toEqual(['base', 'vpn', 'security', 'voice']);
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['LocalizedText', 'ParameterDeclaration', 'DialectTemplates', 'ProfileCheck']));
    const text = JSON.stringify(schema);
    for (const type of ['ipv4-prefix', 'ipv4-wildcard', 'interface', 'vlan', 'asn', 'phone', 'hostname', 'secret', 'enum', 'integer', 'text']) expect(text).toContain(`"const":"${type}"`);
  });
});
