import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// On a failure Playwright writes error-context.md with an accessibility snapshot of the page,
// and that snapshot includes what was typed into password fields. Off, so a failing test can
// never leave a secret in test/artifacts (workers inherit this environment).
process.env['PLAYWRIGHT_NO_COPY_PROMPT'] = '1';

/**
 * Real Chromium against the real web host and a real FRR. No traces or videos: they would
 * record what is typed, secrets included. Screenshots are taken only where a test asks.
 */
export default defineConfig({
  testDir: here('.'),
  testMatch: '*.spec.ts',
  outputDir: here('../artifacts/playwright'),
  globalSetup: here('./globalSetup.ts'),
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    video: 'off',
    screenshot: 'off',
    locale: 'zh-CN',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
