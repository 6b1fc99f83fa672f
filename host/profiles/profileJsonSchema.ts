import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ProfileDefinition } from '../../shared/profiles/profileSchema';

/** Where the published schema lives; editors find it through the `$schema` comment of each profile. */
export const PROFILE_SCHEMA_PATH = fileURLToPath(new URL('../../profiles/schema/profile.schema.json', import.meta.url));

/**
 * The JSON Schema of a profile file, generated from the zod schema the loader uses, so editor
 * completion and the loader can never disagree. It describes the input (defaults optional).
 */
export function profileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ProfileDefinition, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://fieldkit.local/schema/profile.schema.json',
    title: 'FieldKit provisioning profile',
    description: 'A profile: typed parameters, per-dialect Liquid templates (apply and reverse) and the checks that prove it worked. See profiles/README.md.',
  };
}

/** The file's exact text: two-space JSON and a final newline. */
export function profileJsonSchemaText(): string {
  return JSON.stringify(profileJsonSchema(), null, 2) + '\n';
}

export async function writeProfileJsonSchema(path: string = PROFILE_SCHEMA_PATH): Promise<void> {
  await writeFile(path, profileJsonSchemaText(), 'utf8');
}
