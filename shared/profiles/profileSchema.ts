import { z } from 'zod';
import { CheckKind as RunnerCheckKind } from '../checks/model';
import { DialectId } from '../contract/device';
import { Localized, ParameterDeclaration } from './parameterSchema';

export const ProfileKind = z.enum(['base', 'vpn', 'security', 'voice']);
export type ProfileKind = z.infer<typeof ProfileKind>;

/** Templates for one dialect. Both are Liquid text; see profiles/README.md. */
export const DialectTemplates = z
  .object({
    apply: z.string().min(1).describe('Liquid template of the configuration lines to send, in order.'),
    reverse: z.string().min(1).optional().describe('Liquid template of the lines that undo `apply`, for rollback (no … / undo … / delete …).'),
  })
  .strict()
  .meta({ id: 'DialectTemplates' });

/** Every kind the checks runner knows (shared/checks/model.ts): device checks and laptop probes. */
export const CheckKind = RunnerCheckKind;
export type CheckKind = z.infer<typeof CheckKind>;

/** A check parameter: text is a Liquid template over the profile parameters; numbers and flags as they are. */
const ParamValue = z.union([z.string(), z.number(), z.boolean()]);
const param = (description: string) => ParamValue.describe(description);
const PARAMS_DESCRIPTION = 'Arguments of the check; strings are Liquid templates over the profile parameters.';

/** Parameters of a kind that needs some of them: `params` must be given. */
function needs<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).strict();
}

/** Parameters of a kind that needs none, each optional; the caller adds `.default({})` so `params` may be left out. */
function mayOmit<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).strict().partial();
}

/**
 * The parameters each check kind reads (shared/checks/devicePlan.ts, host/checks/attempts.ts).
 * Unknown names are refused, so a misspelt one fails validation instead of the check on site.
 */
const checkParams = {
  ping: needs({
    target: param('Address to ping from the device.'),
    source: param('Source address or interface (optional; not on FRR or Maipu).').optional(),
    count: param('Echoes to send; default 5. FRR: replies to wait for before Ctrl-C.').optional(),
    size: param('Packet size in bytes as the vendor counts it (IOS: whole datagram; VRP, Comware, Junos: ICMP data). Not on FRR, Maipu or Ruijie.').optional(),
  }),
  interfaces: mayOmit({ interface: param('Interface name(s), comma-separated; none means every interface.') }).default({}),
  bgp: mayOmit({ neighbor: param('Neighbour address; none means the first established one.') }).default({}),
  ospf: mayOmit({ neighbor: param('Neighbour router ID or address.'), interface: param('Only neighbours on this interface.') }).default({}),
  route: needs({ address: param('Address (or, where the CLI takes it, prefix) to look up in the routing table.') }),
  vpn: needs({
    peer: param('The hub peer address of the IKE and IPSec SAs.'),
    through: param('An address across the tunnel: pinged between two reads of the IPSec counters (optional).').optional(),
    source: param('Source of that ping (optional).').optional(),
    count: param('Echoes of that ping; default 5.').optional(),
    size: param('Packet size of that ping (see ping).').optional(),
  }),
  voice: mayOmit({ server: param('The call server (informative).'), extensions: param('Lines that must be registered, comma-separated; none means every line.') }).default({}),
  ntp: mayOmit({ server: param('The NTP server (informative).') }).default({}),
  saved: mayOmit({}).default({}),
  tcp: mayOmit({
    target: param('HOST:PORT to connect to from the laptop.'),
    host: param('Host to connect to (with port, instead of target).'),
    port: param('TCP port (with host).'),
  }).default({}),
  'host-ping': needs({ target: param('Address the laptop pings.'), count: param('Echoes; default 4.').optional() }),
  dns: needs({ name: param('Name the laptop resolves.') }),
} satisfies Record<CheckKind, z.ZodType>;

const checkFields = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'kebab-case' }),
  title: Localized,
  rule: z.string().min(1).describe('The condition the measured values must meet (shared/checks/rule.ts); checked when the profile is validated.'),
  warnRule: z.string().min(1).optional().describe('When `rule` does not hold but this does, the check is `warn`, not `fail`.'),
  retry: z
    .object({
      attempts: z.number().int().min(1).max(20),
      intervalSeconds: z.number().int().min(1).max(600),
    })
    .strict()
    .meta({ id: 'CheckRetry' })
    .optional(),
};

function variant<Kind extends CheckKind, Params extends z.ZodType>(kind: Kind, params: Params) {
  return z.object({ ...checkFields, kind: z.literal(kind), params: params.describe(PARAMS_DESCRIPTION) }).strict();
}

/**
 * A check that proves the profile worked: one of the runner's kinds, its parameters and the rule
 * its measured values must meet. Device kinds run over the CLI; `tcp`, `host-ping` and `dns` run
 * from the laptop.
 */
export const ProfileCheck = z
  .discriminatedUnion('kind', [
    variant('ping', checkParams.ping),
    variant('interfaces', checkParams.interfaces),
    variant('bgp', checkParams.bgp),
    variant('ospf', checkParams.ospf),
    variant('route', checkParams.route),
    variant('vpn', checkParams.vpn),
    variant('voice', checkParams.voice),
    variant('ntp', checkParams.ntp),
    variant('saved', checkParams.saved),
    variant('tcp', checkParams.tcp),
    variant('host-ping', checkParams['host-ping']),
    variant('dns', checkParams.dns),
  ])
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
