import { z } from 'zod';

/** Text in both product languages; both are required so no screen falls back silently. */
export const Localized = z
  .object({ 'zh-CN': z.string().min(1).describe('简体中文'), en: z.string().min(1).describe('English') })
  .strict()
  .meta({ id: 'LocalizedText' });

/**
 * A parameter name is also a template variable: lower-case snake_case, so it reads the same in
 * YAML, in a sheet header and in `{{ wan_address }}`.
 */
export const ParameterName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, { message: 'lower-case snake_case, starting with a letter, at most 63 characters' });

const common = {
  name: ParameterName.describe('Template variable and sheet column name (snake_case).'),
  label: Localized.describe('Label shown in the wizard and accepted as a sheet column header (zh-CN).'),
  description: Localized.optional(),
  required: z.boolean().default(true).describe('A required parameter without a value is an error; an optional one renders as null.'),
};

/** A default is written as text, like the values that come from forms and sheets. */
const defaultValue = z.union([z.string(), z.number()]).transform(String).optional();

const simple = <Type extends string>(type: Type, note: string) =>
  z.object({ ...common, type: z.literal(type).describe(note), default: defaultValue }).strict();

export const ParameterDeclaration = z.discriminatedUnion('type', [
  simple('ipv4', 'IPv4 address, dotted quad (192.0.2.1).'),
  simple('ipv4-prefix', 'IPv4 prefix a.b.c.d/len with the host bits zero (10.1.0.0/24).'),
  simple('ipv4-mask', 'Contiguous network mask (255.255.255.0).'),
  simple('ipv4-wildcard', 'Contiguous inverse mask (0.0.0.255).'),
  simple('interface', 'Interface name, checked against the target dialect (GigabitEthernet0/0/1, ge-0/0/0.0).'),
  simple('vlan', 'VLAN id 1-4094.'),
  simple('asn', 'AS number 1-4294967295 (asplain).'),
  simple('phone', 'Phone number or extension: 3-20 digits, optional leading +.'),
  z
    .object({
      ...common,
      type: z.literal('hostname').describe('Host name: ASCII letters, digits, hyphen and dot.'),
      default: defaultValue,
      maxLength: z.number().int().min(1).max(253).default(63),
    })
    .strict(),
  z
    .object({
      ...common,
      type: z.literal('secret').describe('PSK, SNMPv3 key or password: printable ASCII, masked in every output.'),
      secret: z.literal(true).default(true).describe('Always true: callers mask the value in every display, log and record.'),
      minLength: z.number().int().min(1).max(256).default(1),
      maxLength: z.number().int().min(1).max(256).default(128),
      allowSpaces: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      ...common,
      type: z.literal('enum'),
      default: defaultValue,
      values: z.array(z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/, { message: 'printable ASCII without spaces' })).min(1),
    })
    .strict(),
  z
    .object({
      ...common,
      type: z.literal('integer'),
      default: defaultValue,
      min: z.number().int(),
      max: z.number().int(),
    })
    .strict(),
  z
    .object({
      ...common,
      type: z.literal('text').describe('Free text such as a description: printable, Chinese allowed, no control characters.'),
      default: defaultValue,
      maxLength: z.number().int().min(1).max(1024).default(80),
    })
    .strict(),
]).meta({ id: 'ParameterDeclaration' });
export type ParameterDeclaration = z.output<typeof ParameterDeclaration>;
export type ParameterType = ParameterDeclaration['type'];

/** Secrets are masked by every caller that shows, logs or stores values. */
export function isSecretParameter(declaration: ParameterDeclaration): boolean {
  return 'secret' in declaration && declaration.secret;
}
