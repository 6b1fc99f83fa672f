import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { chooseTransport } from './connectPage';
import { readEnvironment } from './e2eEnvironment';
import { filesContaining } from './leakScan';
import { artifactsDir, connectedScreenshot, e2eDataDir } from './paths';

const environment = readEnvironment();

/** A 127.0.0.1 port that was free a moment ago and has no listener now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

async function fillTarget(page: Page, target: { port: number; password?: string; enableSecret?: string }): Promise<void> {
  await chooseTransport(page, 'telnet');
  await page.getByTestId('input-host').fill('127.0.0.1');
  await page.getByTestId('input-port').fill(String(target.port));
  if (target.password !== undefined) await page.getByTestId('input-password').fill(target.password);
  if (target.enableSecret !== undefined) await page.getByTestId('input-enable-secret').fill(target.enableSecret);
}

test('connects to FRR over Telnet, shows its facts and a live terminal, and leaks no secret', async ({ page }) => {
  await page.goto(environment.url);
  await expect(page.getByTestId('app-title')).toHaveText('FieldKit 现场开通工具箱');
  await expect(page.getByTestId('button-connect')).toHaveText('连接');
  await expect(page.getByTestId('button-connect')).toBeEnabled();

  await fillTarget(page, { port: environment.zebraPort, password: environment.canaryPassword, enableSecret: environment.canaryEnable });
  await page.getByTestId('button-connect').click();

  const card = page.getByTestId('device-card');
  await expect(card.getByTestId('fact-hostname')).toHaveText('r1');
  await expect(card.getByTestId('fact-version')).toContainText(environment.frrVersion);
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('connect-error')).toHaveCount(0);

  const terminal = page.getByTestId('terminal');
  await terminal.click();
  await page.keyboard.type('show running-config');
  await page.keyboard.press('Enter');
  const rows = terminal.locator('.xterm-rows');
  await expect(rows).toContainText('hostname r1');
  await expect(rows).not.toContainText(environment.canaryPassword);
  await expect(rows).not.toContainText(environment.canaryEnable);
  await page.screenshot({ path: connectedScreenshot });

  // Closing the session flushes its transcript before the scan.
  await page.getByTestId('button-disconnect').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'closed');

  // The running configuration, which carries both passwords, reached the transcript (masked):
  // the scan below therefore reads files that had every chance to leak.
  expect(filesContaining(e2eDataDir, ['hostname r1']).length).toBeGreaterThan(0);
  expect(filesContaining(artifactsDir, [environment.canaryPassword, environment.canaryEnable])).toEqual([]);
});

test('switches the whole screen to English', async ({ page }) => {
  await page.goto(environment.url);
  await expect(page.getByTestId('app-title')).toHaveText('FieldKit 现场开通工具箱');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('app-title')).toHaveText('FieldKit field provisioning');
  await expect(page.getByTestId('button-connect')).toHaveText('Connect');
  await expect(page.getByTestId('button-disconnect')).toHaveText('Disconnect');
  await expect(page.getByTestId('transport-serial')).toHaveText('Console');
  await expect(page.getByText('Serial port', { exact: true })).toBeVisible();
  await chooseTransport(page, 'telnet');
  await expect(page.getByText('Device address')).toBeVisible();
  await expect(page.getByText('Enable secret')).toBeVisible();
  await expect(page.getByTestId('session-state')).toHaveText('Not connected');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await chooseTransport(page, 'ssh');
  await expect(page.getByText('Key passphrase')).toBeVisible();

  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('button-connect')).toHaveText('连接');
  await expect(page.getByText('私钥口令')).toBeVisible();
});

test('explains a refused connection in the technician’s words', async ({ page }) => {
  const port = await closedPort();
  await page.goto(environment.url);
  await fillTarget(page, { port });
  await page.getByTestId('button-connect').click();
  const error = page.getByTestId('connect-error');
  await expect(error).toContainText('连接被拒绝：设备未在该端口提供 Telnet 或 SSH 服务');
  await expect(error).not.toContainText(/\bat \S+:\d+:\d+/);
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('button-connect')).toBeEnabled();
});
