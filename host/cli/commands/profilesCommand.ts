import { parseArgs } from 'node:util';
import { profileDialects, type ProfileDefinition } from '../../../shared/profiles/profileSchema';
import type { ProfileProblem } from '../../../shared/profiles/problems';
import { findProfile, loadProfileFile, loadProfileLibrary, type LibraryProblem } from '../../profiles/loadProfileLibrary';
import { profileJsonSchemaText } from '../../profiles/profileJsonSchema';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cliError';
import type { CliIo } from '../io';

export const PROFILES_USAGE = `Usage:
  fieldkit profiles list [--dir DIR] [--json]          the profiles of the library
  fieldkit profiles show ID [--dir DIR] [--json]       one profile: parameters, dialects, checks
  fieldkit profiles validate FILE [--json]             check a profile file; exit 1 if it has problems
  fieldkit profiles schema                             print the JSON Schema of profile files
`;

const options = { dir: { type: 'string' }, json: { type: 'boolean', default: false } } as const;

/** `fieldkit profiles …`: read-only commands over the profile library. */
export async function profilesCommand(argv: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  switch (subcommand) {
    case 'list':
      expectPositionals(positionals, 0, 'list');
      return listProfiles(values.dir, values.json, io);
    case 'show':
      expectPositionals(positionals, 1, 'show ID');
      return showProfile(positionals[0] ?? '', values.dir, values.json, io);
    case 'validate':
      expectPositionals(positionals, 1, 'validate FILE');
      return validateFile(positionals[0] ?? '', values.json, io);
    case 'schema':
      expectPositionals(positionals, 0, 'schema');
      io.out(profileJsonSchemaText());
      return EXIT_OK;
    default:
      throw new UsageError(`say what to do with profiles: list, show, validate or schema\n${PROFILES_USAGE}`);
  }
}

function expectPositionals(positionals: string[], count: number, form: string): void {
  if (positionals.length !== count) throw new UsageError(`expected: fieldkit profiles ${form}`);
}

function problemLine(problem: ProfileProblem | LibraryProblem): string {
  const file = 'file' in problem ? `${problem.file}: ` : '';
  return `${file}${problem.code}: ${problem.message.en}\n`;
}

async function listProfiles(directory: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const library = await loadProfileLibrary(directory);
  if (json) {
    const profiles = library.profiles.map(({ file, profile }) => ({ id: profile.id, kind: profile.kind, name: profile.name, dialects: profileDialects(profile), file }));
    io.out(JSON.stringify({ profiles, problems: library.problems }) + '\n');
  } else {
    for (const { profile } of library.profiles) {
      io.out(`${profile.id.padEnd(28)} ${profile.kind.padEnd(9)} ${profileDialects(profile).join(',').padEnd(36)} ${profile.name['zh-CN']} / ${profile.name.en}\n`);
    }
    for (const problem of library.problems) io.err(problemLine(problem));
  }
  return library.problems.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

async function showProfile(id: string, directory: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const profile = findProfile(await loadProfileLibrary(directory), id);
  if (!profile) {
    io.err(`fieldkit: no profile with the id "${id}" (see "fieldkit profiles list")\n`);
    return EXIT_FAILURE;
  }
  io.out(json ? JSON.stringify(profile) + '\n' : formatProfile(profile));
  return EXIT_OK;
}

export function formatProfile(profile: ProfileDefinition): string {
  const lines = [
    `${profile.id}  (${profile.kind})`,
    `  ${profile.name['zh-CN']} / ${profile.name.en}`,
    `  ${profile.description.en}`,
    `dialects: ${profileDialects(profile)
      .map((dialect) => (profile.templates[dialect]?.reverse === undefined ? `${dialect} (no reverse)` : dialect))
      .join(', ')}`,
    'parameters:',
    ...profile.parameters.map((declaration) => {
      const fallback = 'default' in declaration && declaration.default !== undefined ? ` default ${declaration.default}` : '';
      const secret = declaration.type === 'secret' ? ' secret' : '';
      return `  ${declaration.name.padEnd(24)} ${declaration.type.padEnd(14)} ${declaration.required ? 'required' : 'optional'}${fallback}${secret}  ${declaration.label['zh-CN']} / ${declaration.label.en}`;
    }),
    'checks:',
    ...profile.checks.map((check) => `  ${check.id.padEnd(24)} ${check.kind.padEnd(10)} ${check.title.en}`),
  ];
  if (profile.unverified && profile.unverified.length > 0) lines.push('unverified (confirm on a device):', ...profile.unverified.map((keyword) => `  ${keyword}`));
  return lines.join('\n') + '\n';
}

async function validateFile(file: string, json: boolean, io: CliIo): Promise<number> {
  let result: Awaited<ReturnType<typeof loadProfileFile>>;
  try {
    result = await loadProfileFile(file);
  } catch (error) {
    io.err(`fieldkit: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
  if (json) {
    io.out(JSON.stringify(result.ok ? { file, ok: true, id: result.profile.id, dialects: profileDialects(result.profile) } : { file, ok: false, problems: result.problems }) + '\n');
  } else if (result.ok) {
    io.out(`${file}: valid (${result.profile.id}; ${profileDialects(result.profile).join(', ')})\n`);
  } else {
    io.err(`${file}: ${result.problems.length} problem(s)\n`);
    for (const problem of result.problems) io.err(`  ${problemLine(problem)}`);
  }
  return result.ok ? EXIT_OK : EXIT_FAILURE;
}
