import { z } from 'zod';
import { DialectId } from '../contract/device';
import { Localized, ParameterDeclaration } from './parameterSchema';

export const ProfileKind = z.enum(['base', 'vpn', 'security', 'voice']);
export type ProfileKind = z.infer<typeof ProfileKind>;

export const CheckKind = z.enum(['ping', 'interfaces', 'bgp', 'ospf', 'vpn', 'voice', 'ntp', 'saved']);

/** Templates for one dialect. Both are Liquid text; see profiles/README.md. */
export const DialectTemplates = z
  .object({
    apply: z.string().min(1).describe('Liquid template of the configuration lines to send, in order.'),
    reverse: z.string().min(1).optional().describe('Liquid template of the lines that undo `apply`, for rollback (no … / undo … / delete …).'),
  })
  .strict()
  .meta({ id: 'DialectTemplates' });

/**
 * A check that proves the profile worked. This issue defines its shape only; the checks runner
 * gives meaning to `kind`, `params` and `rule`.
 */
export const ProfileCheck = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'kebab-case' }),
    kind: CheckKind,
    title: Localized,
    params: z
      .record(z.string().regex(/^[a-z][a-zA-Z0-9_]*$/), z.union([z.string(), z.number(), z.boolean()]))
      .default({})
      .describe('Arguments of the check; strings are Liquid templates over the profile parameters.'),
    rule: z.string().min(1).describe('The condition the parsed result must meet, read by the checks runner.'),
    retry: z
      .object({
        attempts: z.number().int().min(1).max(20),
        intervalSeconds: z.number().int().min(1).max(600),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'ProfileCheck' });
export type ProfileCheck = z.output<typeof ProfileCheck>;

const templatesShape = Object.fromEntries(DialectId.options.map((dialect) => [dialect, DialectTemplates.optional()])) as Record<
  DialectId,
  z.ZodOptional<typeof DialectTemplates>
>;

export const ProfileDefinition = z
  .object({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'kebab-case: lower-case letters and digits joined by single hyphens' })
      .max(64)
      .describe('Stable identifier, kebab-case; also the file name.'),
    name: Localized,
    kind: ProfileKind,
    description: Localized,
    parameters: z.array(ParameterDeclaration).default([]),
    templates: z
      .object(templatesShape)
      .strict()
      .refine((templates) => Object.values(templates).some((entry) => entry !== undefined), { message: 'declare templates for at least one dialect' })
      .describe('Per-dialect templates; a dialect that is absent is not supported by this profile.'),
    checks: z.array(ProfileCheck).default([]),
    unverified: z
      .array(z.string().min(1))
      .optional()
      .describe('Keywords not yet confirmed on a real device; the plan screen shows them as a warning.'),
  })
  .strict();
export type ProfileDefinition = z.output<typeof ProfileDefinition>;
export type ProfileDefinitionInput = z.input<typeof ProfileDefinition>;

/** The dialects a profile has templates for. */
export function profileDialects(profile: ProfileDefinition): DialectId[] {
  return DialectId.options.filter((dialect) => profile.templates[dialect] !== undefined);
}
