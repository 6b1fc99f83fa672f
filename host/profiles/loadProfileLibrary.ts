import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { ProfileDefinition } from '../../shared/profiles/profileSchema';
import { text, type ProfileProblem } from '../../shared/profiles/problems';
import { validateProfileDefinition, type ProfileValidation } from '../../shared/profiles/validateProfile';

/** The `profiles/` folder of this checkout. */
export const DEFAULT_PROFILES_DIRECTORY = fileURLToPath(new URL('../../profiles', import.meta.url));

export interface LoadedProfile {
  /** Path relative to the library folder, with `/` separators. */
  file: string;
  profile: ProfileDefinition;
}

export interface LibraryProblem extends ProfileProblem {
  file: string;
}

/**
 * Every valid profile of the library, sorted by id, and the problems of the files that are not.
 * One bad file never hides the others.
 */
export interface ProfileLibrary {
  directory: string;
  profiles: LoadedProfile[];
  problems: LibraryProblem[];
}

const SKIPPED_FOLDERS = new Set(['schema', 'node_modules']);

async function findProfileFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) files.push(...(await findProfileFiles(path)));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

/** YAML text → a checked profile. Syntax errors carry their line. */
export function parseProfileYaml(source: string): ProfileValidation {
  const document = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const line = error.linePos?.[0]?.line;
        const location = line === undefined ? '(yaml)' : `line ${line}`;
        return { code: 'schema', location, message: text(`YAML 语法错误（${location}）：${error.message}`, `YAML syntax error (${location}): ${error.message}`) };
      }),
    };
  }
  return validateProfileDefinition(document.toJS({ maxAliasCount: 50 }));
}

/**
 * Read and check one profile file. Beyond the profile itself, its file name must be its id
 * (`base-system.yaml`), so a profile is found where its id says.
 */
export async function loadProfileFile(path: string): Promise<ProfileValidation> {
  const result = parseProfileYaml(await readFile(path, 'utf8'));
  if (!result.ok) return result;
  const stem = basename(path).replace(/\.ya?ml$/, '');
  if (stem !== result.profile.id) {
    return {
      ok: false,
      problems: [{ code: 'schema', location: 'id', message: text(`文件名 ${stem} 与 id ${result.profile.id} 不一致`, `the file name ${stem} does not match the id ${result.profile.id}`) }],
    };
  }
  return result;
}

export async function loadProfileLibrary(directory: string = DEFAULT_PROFILES_DIRECTORY): Promise<ProfileLibrary> {
  const profiles: LoadedProfile[] = [];
  const problems: LibraryProblem[] = [];
  const owners = new Map<string, string>();
  for (const path of await findProfileFiles(directory)) {
    const file = relative(directory, path).split(sep).join('/');
    const result = await loadProfileFile(path);
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => ({ ...problem, file })));
      continue;
    }
    const owner = owners.get(result.profile.id);
    if (owner !== undefined) {
      problems.push({
        file,
        code: 'schema',
        location: 'id',
        message: text(`id ${result.profile.id} 已由 ${owner} 使用`, `the id ${result.profile.id} is already used by ${owner}`),
      });
      continue;
    }
    owners.set(result.profile.id, file);
    profiles.push({ file, profile: result.profile });
  }
  profiles.sort((left, right) => left.profile.id.localeCompare(right.profile.id));
  return { directory, profiles, problems };
}

export function findProfile(library: ProfileLibrary, id: string): ProfileDefinition | undefined {
  return library.profiles.find((entry) => entry.profile.id === id)?.profile;
}

