import { expect, test } from '@playwright/test';
import { startConsole, type PeerConsole } from '../peers/console';
import { chooseTransport, fillSerialPath, typeInTerminal } from './connectPage';
import { readEnvironment } from './e2eEnvironment';
import { filesContaining } from './leakScan';
import { artifactsDir, cablePulledScreenshot, serialScreenshot } from './paths';

const environment = readEnvironment();
const frr = { stateDir: environment.frrStateDir };
const consoles: PeerConsole[] = [];

/** A fresh pseudo serial console on FRR (its far end is vtysh), stopped after the test at the latest. */
async function plugCable(): Promise<PeerConsole> {
  const peerConsole = await startConsole(frr);
  consoles.push(peerConsole);
  return peerConsole;
}

test.afterAll(async () => {
  for (const peerConsole of consoles) await peerConsole.stop();
});

test('works over a console cable, reports a pulled cable at once, and reconnects on a new one', async ({ page }) => {
  const first = await plugCable();
  await page.goto(environment.url);
  await chooseTransport(page, 'serial');
  await expect(page.getByTestId('select-baud-rate')).toContainText('9600');
  await page.getByTestId('advanced-settings').getByText('高级设置').click();
  const lineDefaults: [string, string][] = [
    ['select-data-bits', '8'],
    ['select-parity', '无'],
    ['select-stop-bits', '1'],
    ['select-flow-control', '无'],
    ['select-charset', 'UTF-8'],
  ];
  for (const [select, text] of lineDefaults) {
    await expect(page.getByTestId(select)).toHaveText(text);
  }
  await fillSerialPath(page, first.path);
  await page.getByTestId('button-connect').click();

  const card = page.getByTestId('device-card');
  await expect(card.getByTestId('fact-hostname')).toHaveText('r1');
  await expect(card.getByTestId('fact-version')).toContainText(environment.frrVersion);
  await expect(card.getByTestId('fact-dialect')).toHaveText('IOS 风格');
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'ready');
  await expect(card.getByTestId('device-endpoint')).toHaveText(`已连接 ${first.path}`);

  await typeInTerminal(page, 'show interface brief');
  const rows = page.getByTestId('terminal').locator('.xterm-rows');
  await expect(rows).toContainText(/\blo\s+up\b/);
  await page.screenshot({ path: serialScreenshot, animations: 'disabled' });

  // Pulling the cable: the relay and its pseudo-terminal go away while the session is idle.
  await first.stop();
  const lost = page.getByTestId('session-lost');
  await expect(lost).toBeVisible({ timeout: 3000 });
  await expect(lost).toContainText('连接已断开：');
  await expect(lost).toContainText('connection lost');
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('button-connect')).toBeEnabled();
  await expect(page.getByTestId('button-disconnect')).toBeDisabled();
  await expect(page.getByTestId('connect-error')).toHaveCount(0);
  await page.screenshot({ path: cablePulledScreenshot, animations: 'disabled' });

  const second = await plugCable();
  await fillSerialPath(page, second.path);
  await page.getByTestId('button-connect').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('session-lost')).toHaveCount(0);
  await expect(card.getByTestId('fact-hostname')).toHaveText('r1');
  await expect(card.getByTestId('device-endpoint')).toHaveText(`已连接 ${second.path}`);

  await page.getByTestId('button-disconnect').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('session-lost')).toHaveCount(0);
  expect(filesContaining(artifactsDir, [environment.canaryPassword, environment.canaryEnable])).toEqual([]);
});
