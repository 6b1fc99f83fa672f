import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { frrLayout } from '../peers/frrFiles';
import { startSshd, type SshdPeer } from '../peers/sshd';
import { chooseTransport } from './connectPage';
import { readEnvironment } from './e2eEnvironment';
import { filesContaining } from './leakScan';
import { artifactsDir, hostKeyChangedScreenshot } from './paths';

const environment = readEnvironment();
/** fktest's password for this run, a canary like FRR's: it must not reach any artifact. */
const sshPassword = `cnry-${randomBytes(8).toString('hex')}`;
const peers: SshdPeer[] = [];

/** OpenSSH on 127.0.0.1 whose every session is FRR's vtysh (the same router r1 as over Telnet). */
async function startVtyshSshd(port?: number): Promise<SshdPeer> {
  const layout = frrLayout(environment.frrStateDir);
  const peer = await startSshd({
    shellCommand: ['/usr/bin/env', 'VTYSH_PAGER=cat', '/usr/bin/vtysh', '--vty_socket', layout.runDir, '--config_dir', layout.configDir, '-H', '/dev/null'],
    password: sshPassword,
    groups: ['frr', 'frrvty'],
    ...(port === undefined ? {} : { port }),
  });
  peers.push(peer);
  return peer;
}

test.afterAll(async () => {
  for (const peer of peers) await peer.stop();
});

async function fillSsh(page: Page, peer: SshdPeer): Promise<void> {
  await chooseTransport(page, 'ssh');
  await page.getByTestId('input-host').fill('127.0.0.1');
  await expect(page.getByTestId('input-port')).toHaveValue('22');
  await page.getByTestId('input-port').fill(String(peer.port));
  await page.getByTestId('input-username').fill(peer.username);
  await page.getByTestId('input-password').fill(sshPassword);
}

test('connects over SSH, and after the device’s key changed connects only once the technician confirms it', async ({ page }) => {
  const first = await startVtyshSshd();
  await page.goto(environment.url);
  await fillSsh(page, first);
  await page.getByTestId('button-connect').click();

  const card = page.getByTestId('device-card');
  await expect(card.getByTestId('fact-hostname')).toHaveText('r1');
  await expect(card.getByTestId('fact-version')).toContainText(environment.frrVersion);
  await expect(card.getByTestId('fact-dialect')).toHaveText('IOS 风格');
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('button-disconnect').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'closed');

  // The "device" comes back at the same address with a new key (sshd generates one per start).
  await first.stop();
  const replaced = await startVtyshSshd(first.port);
  expect(replaced.hostKeyFingerprint).not.toBe(first.hostKeyFingerprint);
  await page.getByTestId('button-connect').click();
  const warning = page.getByTestId('host-key-changed');
  await expect(warning).toContainText('警告：这台设备的 SSH 密钥与上次记录的不一致');
  await expect(warning.getByTestId('host-key-stored')).toHaveText(first.hostKeyFingerprint);
  await expect(warning.getByTestId('host-key-presented')).toHaveText(replaced.hostKeyFingerprint);
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'idle');
  await page.screenshot({ path: hostKeyChangedScreenshot, animations: 'disabled' });

  // Cancel is the safe way out: nothing connects, and the next attempt is refused again.
  await page.getByTestId('button-cancel-host-key').click();
  await expect(page.getByTestId('host-key-changed')).toHaveCount(0);
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('button-connect').click();
  await expect(page.getByTestId('host-key-presented')).toHaveText(replaced.hostKeyFingerprint);

  await page.getByTestId('button-trust-host-key').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'ready');
  await expect(card.getByTestId('fact-hostname')).toHaveText('r1');
  await expect(page.getByTestId('host-key-changed')).toHaveCount(0);
  await page.getByTestId('button-disconnect').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'closed');

  expect(filesContaining(artifactsDir, [sshPassword, environment.canaryPassword, environment.canaryEnable])).toEqual([]);
});
