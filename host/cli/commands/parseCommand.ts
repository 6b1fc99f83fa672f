import { parseArgs } from 'node:util';
import { DialectChoice, DialectId } from '../../../shared/contract';
import { detectDialect, OutputParseError, parseInterfaces, parsePing, parseVersion } from '../../../shared/parsers';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cliError';
import type { CliIo } from '../io';
import { factsJson } from './deviceCommands';

/** A CliIo that can also read all of standard input (the process one reads until EOF). */
export type ParseIo = CliIo & { stdin: () => Promise<string> };

const WHAT = ['version', 'interfaces', 'ping'] as const;
type What = (typeof WHAT)[number];

/** Order tried by `--dialect auto` when the text carries no banner or prompt that names its dialect. */
const GUESS_ORDER: readonly DialectId[] = ['ios', 'vrp', 'comware', 'junos'];

function render(what: Exclude<What, 'version'>, dialect: DialectId, text: string): unknown {
  return what === 'interfaces' ? parseInterfaces(dialect, text) : parsePing(dialect, text);
}

/** The first dialect whose parser reads the text, and its result; the last parse error otherwise. */
function guess(what: Exclude<What, 'version'>, text: string): unknown {
  let lastError: unknown = null;
  for (const dialect of GUESS_ORDER) {
    try {
      return render(what, dialect, text);
    } catch (error) {
      if (!(error instanceof OutputParseError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

function parse(what: What, choice: DialectChoice, text: string): unknown {
  const detected = choice === 'auto' ? detectDialect(text) : choice;
  if (what === 'version') {
    if (detected === null) throw new OutputParseError('cannot tell the dialect from this output; pass --dialect');
    const facts = parseVersion(detected, text);
    if (facts.vendor === null && facts.model === null && facts.version === null && facts.hostname === null && facts.serial === null) {
      throw new OutputParseError(`no version facts found in the output (dialect ${detected})`);
    }
    return factsJson({ ...facts, dialect: detected });
  }
  return detected === null ? guess(what, text) : render(what, detected, text);
}

/**
 * `fieldkit parse version|interfaces|ping [--dialect auto|ios|…]`: reads a device's output on
 * standard input and prints it as one line of JSON. Exit 1 with a one-line reason on stderr when
 * the text is not that output; a usage mistake throws {@link UsageError} (exit 2).
 */
export async function parseCommand(argv: string[], io: ParseIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { dialect: { type: 'string', default: 'auto' } }, allowPositionals: true, strict: true });
  const [what, ...extra] = positionals;
  if (what === undefined || !(WHAT as readonly string[]).includes(what)) {
    throw new UsageError(`say what to parse: fieldkit parse ${WHAT.join('|')} [--dialect auto|ios|maipu|ruijie|vrp|comware|junos] < output.txt`);
  }
  if (extra.length > 0) throw new UsageError(`parse takes one kind of output (got "${positionals.join(' ')}")`);
  const choice = DialectChoice.safeParse(values.dialect);
  if (!choice.success) throw new UsageError(`unknown dialect "${values.dialect}": use auto, ${DialectId.options.join(', ')}`);
  const text = await io.stdin();
  if (text.trim() === '') {
    io.err('fieldkit parse: nothing on standard input\n');
    return EXIT_FAILURE;
  }
  try {
    io.out(JSON.stringify(parse(what as What, choice.data, text)) + '\n');
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof OutputParseError)) throw error;
    io.err(`fieldkit parse: ${error.message}\n`);
    return EXIT_FAILURE;
  }
}
