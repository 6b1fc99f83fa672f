import { Liquid, Tag, type Context, type Emitter, type Parser, type Template, type TagToken, type TopLevelToken } from 'liquidjs';
import { describeCodePoint, findForbiddenCharacter } from './characters';
import { parseIpv4Prefix, prefixMask, prefixNetwork, prefixWildcard, type Ipv4Prefix } from './ipv4';

/**
 * Marks around a multi-line block (`{% multiline %}…{% endmultiline %}`, e.g. a login banner)
 * so that its blank lines survive line clean-up. They are private-use characters, which no value
 * and no template text may contain, so nothing can forge them.
 */
export const BLOCK_START = '\uE000';
export const BLOCK_END = '\uE001';

/** Thrown by the output hook when `{{ name }}` meets an optional parameter that has no value. */
export class MissingOutputError extends Error {
  override readonly name = 'MissingOutputError';
}

/** Thrown by the output hook when an interpolation would emit a control character. */
export class UnsafeOutputError extends Error {
  override readonly name = 'UnsafeOutputError';
}

class MultilineTag extends Tag {
  private readonly templates: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    let closed = false;
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endmultiline', () => {
        closed = true;
        stream.stop();
      })
      .on('template', (template: Template) => this.templates.push(template));
    stream.start();
    if (!closed) throw new Error(`tag ${token.getText()} not closed`);
  }

  *render(context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const body = yield this.liquid.renderer.renderTemplates(this.templates, context);
    emitter.write(BLOCK_START + String(body) + BLOCK_END);
  }

  // Lets static analysis see the variables inside the block.
  // eslint-disable-next-line require-yield
  *children(): Generator<unknown, Template[]> {
    return this.templates;
  }
}

function prefixOf(value: unknown, filter: string): Ipv4Prefix {
  const parsed = parseIpv4Prefix(String(value));
  if (!parsed.ok) throw new Error(`the ${filter} filter needs an IPv4 prefix such as 10.1.0.0/24, got another kind of value`);
  return parsed.prefix;
}

/** Every `{{ … }}` ends here: no null (an optional value the template did not guard), no control characters. */
function guardOutput(value: unknown): string {
  if (value === null || value === undefined) throw new MissingOutputError('an optional parameter without a value was output; guard it with {% if … %}');
  const output = String(value);
  const forbidden = findForbiddenCharacter(output);
  if (forbidden) throw new UnsafeOutputError(`the output would contain ${describeCodePoint(forbidden.codePoint)}`);
  return output;
}

/**
 * The Liquid engine profiles render with: undeclared variables and unknown filters are errors,
 * only own properties are visible, and no template can read a file (include, render and layout
 * are removed and the template map is empty). `raw` is removed so no output skips the guard.
 */
export function createTemplateEngine(): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    outputEscape: guardOutput,
    parseLimit: 200_000,
    renderLimit: 100_000,
    memoryLimit: 10_000_000,
  });
  for (const tag of ['include', 'render', 'layout']) delete engine.tags[tag];
  engine.unregisterFilter('raw');
  engine.registerTag('multiline', MultilineTag);
  engine.registerFilter('network', (value: unknown) => prefixNetwork(prefixOf(value, 'network')));
  engine.registerFilter('mask', (value: unknown) => prefixMask(prefixOf(value, 'mask')));
  engine.registerFilter('wildcard', (value: unknown) => prefixWildcard(prefixOf(value, 'wildcard')));
  engine.registerFilter('length', (value: unknown) => String(prefixOf(value, 'length').length));
  return engine;
}

/** Template variables that are expected from outside (parameters), with their 1-based positions. */
export function templateGlobals(engine: Liquid, templates: Template[]): Map<string, { row: number; col: number }[]> {
  const analysis = engine.analyzeSync(templates);
  const globals = new Map<string, { row: number; col: number }[]>();
  for (const [name, uses] of Object.entries(analysis.globals)) {
    globals.set(
      name,
      uses.map((use) => ({ row: use.location.row, col: use.location.col })),
    );
  }
  return globals;
}

/**
 * Rendered text → configuration lines: trailing whitespace trimmed, blank lines dropped except
 * inside a multi-line block, leading indentation kept (it is the configuration hierarchy).
 */
export function toConfigLines(rendered: string): string[] {
  const lines: string[] = [];
  let depth = 0;
  for (const rawLine of rendered.split('\n')) {
    const insideAtStart = depth > 0;
    let line = '';
    for (const character of rawLine) {
      if (character === BLOCK_START) depth += 1;
      else if (character === BLOCK_END) depth = Math.max(0, depth - 1);
      else line += character;
    }
    line = line.trimEnd();
    const interior = insideAtStart && depth > 0;
    if (line.length > 0 || interior) lines.push(line);
  }
  return lines;
}
