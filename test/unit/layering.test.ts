import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import directions of ARCHITECTURE.md are enforced by eslint.config.js. These cases lint
// source text as if it sat at the given path, so they prove the rule itself, not the tree.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layering lint rule', () => {
  it.each([
    ['renderer/src/features/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/features/bad.ts', "import { createHost } from '../../../host/compositionRoot';\nexport const x = createHost;\n"],
    ['renderer/src/features/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['shared/parsers/bad.ts', "import { join } from 'path';\nexport const x = join;\n"],
    ['shared/parsers/bad.ts', "import { Channel } from '../../host/channel/channel';\nexport const x = Channel;\n"],
    ['host/service/bad.ts', "import { App } from '../../renderer/src/App';\nexport const x = App;\n"],
    ['host/service/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['server/bad.ts', "import { createHost } from '../host/compositionRoot';\nexport const x = createHost;\n"],
  ])('rejects a forbidden import in %s', async (filePath, code) => {
    const messages = await restrictedImports(filePath, code);
    expect(messages).toHaveLength(1);
  });

  it.each([
    ['renderer/src/features/ok.ts', "import { contract } from '../../../shared/contract';\nexport const x = contract;\n"],
    ['host/service/ok.ts', "import { readFileSync } from 'node:fs';\nimport { contract } from '../../shared/contract';\nexport const x = [readFileSync, contract];\n"],
    ['electron/main/ok.ts', "import { createHost } from '../../host/compositionRoot';\nexport const x = createHost;\n"],
  ])('allows the permitted direction in %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
