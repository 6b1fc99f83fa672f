import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startFrr, type FrrPeer } from '../peers/frr';
import { chooseTransport } from './connectPage';
import { readEnvironment } from './e2eEnvironment';
import { filesContaining } from './leakScan';
import { artifactsDir, e2eDataDir, repositoryRoot } from './paths';

const environment = readEnvironment();
const provisionScreenshot = `${artifactsDir}/e2e-provision.png`;
const planScreenshot = `${artifactsDir}/e2e-provision-plan.png`;
const failedScreenshot = `${artifactsDir}/e2e-provision-failed.png`;
/** The lab site of profiles/examples/frr-static-mgmt.csv: eth3, 192.168.100.2/24, NOC 10.255.0.0/24. */
const siteSheet = `${repositoryRoot}/profiles/examples/frr-static-mgmt.csv`;
/** The login password of the second router's telnetd, a canary like FRR's own. */
const loginPassword = `cnry-${randomBytes(8).toString('hex')}`;
const peers: FrrPeer[] = [];

test.afterAll(async () => {
  for (const peer of peers) await peer.stop();
});

/**
 * The shared router r1 runs zebra alone, whose VTY has no `ip route` (staticd owns it): the lab
 * profile cannot be applied there in full. Router r2 runs zebra and staticd behind a telnetd
 * login into vtysh, as a site router's CLI is: every line of the profile applies there.
 */
async function startFullRouter(): Promise<FrrPeer> {
  const peer = await startFrr({
    hostname: 'r2',
    vtyPassword: environment.canaryPassword,
    enablePassword: environment.canaryEnable,
    daemons: ['zebra', 'staticd'],
    login: { username: 'fktech', password: loginPassword },
  });
  peers.push(peer);
  return peer;
}

async function connectTelnet(page: Page, target: { port: number; username?: string; password: string; enableSecret?: string; hostname: string }): Promise<void> {
  await page.goto(environment.url);
  await chooseTransport(page, 'telnet');
  await page.getByTestId('input-host').fill('127.0.0.1');
  await page.getByTestId('input-port').fill(String(target.port));
  if (target.username !== undefined) await page.getByTestId('input-username').fill(target.username);
  await page.getByTestId('input-password').fill(target.password);
  if (target.enableSecret !== undefined) await page.getByTestId('input-enable-secret').fill(target.enableSecret);
  await page.getByTestId('button-connect').click();
  await expect(page.getByTestId('device-card').getByTestId('fact-hostname')).toHaveText(target.hostname);
}

/** Opens 开通, picks the lab profile and goes to its parameters. */
async function pickStaticManagementProfile(page: Page): Promise<void> {
  await page.getByTestId('nav-provision').click();
  await expect(page.getByTestId('provision-device')).toContainText('IOS 风格');
  const profile = page.getByTestId('profile-frr-static-mgmt');
  await expect(profile).toContainText('实验室：管理接口、管理路由和管理 ACL（FRR）');
  await profile.getByText('实验室：管理接口、管理路由和管理 ACL（FRR）').click();
  await expect(page.getByTestId('profiles-selected')).toHaveText('已选 1 个模板');
  await page.getByTestId('button-profiles-next').click();
  await expect(page.getByTestId('parameters-form')).toBeVisible();
}

async function importSiteSheet(page: Page): Promise<void> {
  await page.getByTestId('input-sheet-file').setInputFiles(siteSheet);
  await expect(page.getByTestId('sheet-site-filled')).toContainText('已填入站点“实验室-FRR”的 5 项参数');
  await expect(page.getByTestId('param-mgmt_address')).toHaveValue('192.168.100.2');
}

async function disconnect(page: Page): Promise<void> {
  await page.getByTestId('nav-connect').click();
  await page.getByTestId('button-disconnect').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'closed');
}

test('provisions a lab profile: field problems in Chinese, a site sheet, the preview, the apply, the save, then nothing left to send', async ({ page }) => {
  const router = await startFullRouter();
  if (router.telnetdPort === undefined) throw new Error('r2 started without its telnetd');
  await connectTelnet(page, { port: router.telnetdPort, username: 'fktech', password: loginPassword, hostname: 'r2' });
  await pickStaticManagementProfile(page);

  // Typed by hand with a wrong address: the host's check comes back at the field, in zh-CN.
  await page.getByTestId('param-mgmt_interface').fill('eth3');
  await page.getByTestId('param-mgmt_address').fill('192.168.100.300');
  await page.getByTestId('param-mgmt_network').fill('192.168.100.0/24');
  await page.getByTestId('param-mgmt_gateway').fill('192.168.100.1');
  await page.getByTestId('param-noc_prefix').fill('10.255.0.0/24');
  await page.getByTestId('button-plan').click();
  await expect(page.getByTestId('problem-mgmt_address')).toContainText('参数 mgmt_address（管理地址）');
  await expect(page.getByTestId('provision-error')).toContainText('参数有误');
  await expect(page.getByTestId('problem-mgmt_interface')).toHaveCount(0);

  // The county sheet's row replaces the typed values and clears the problem.
  await importSiteSheet(page);
  await expect(page.getByTestId('problem-mgmt_address')).toHaveCount(0);
  await page.getByTestId('button-plan').click();

  const lines = page.getByTestId('plan-lines').getByTestId('plan-line');
  await expect(lines).toHaveCount(7);
  await expect(lines.nth(0)).toContainText('interface eth3');
  await expect(lines.nth(4)).toContainText('ip route 10.255.0.0/24 192.168.100.1');
  await expect(page.getByTestId('plan-diff').locator('[data-kind="add"]').first()).toContainText('interface eth3');
  await expect(page.getByTestId('option-save')).toBeChecked();
  await expect(page.getByTestId('option-rollback')).not.toBeChecked();
  await page.screenshot({ path: planScreenshot });

  await page.getByTestId('button-apply').click();
  await expect(page.getByTestId('run-progress-count')).toHaveText('第 7 / 7 行');
  const saved = page.getByTestId('result-saved');
  await expect(saved).toHaveAttribute('data-saved', 'true');
  await expect(saved).toContainText('已保存');
  await expect(saved).toContainText('Configuration saved');
  await expect(page.getByTestId('terminal').locator('.xterm-rows')).toContainText('access-list MGMT-ACL seq 10 deny any');
  await page.screenshot({ path: provisionScreenshot });

  const running = await router.vtysh('show running-config');
  expect(running).toContain('ip route 10.255.0.0/24 192.168.100.1');
  expect(running).toContain('access-list MGMT-ACL seq 5 permit 10.255.0.0/24');

  // Applied and saved: the same site again has nothing to send.
  await page.getByTestId('button-recheck').click();
  await expect(page.getByTestId('plan-nothing')).toContainText('无需下发');
  // Six lines of the profile are on the device now (the planner's `exit` is not a configuration line).
  await expect(page.getByTestId('plan-present')).toContainText('6');
  await expect(page.getByTestId('button-apply')).toBeDisabled();

  await disconnect(page);
  expect(filesContaining(artifactsDir, [environment.canaryPassword, environment.canaryEnable, loginPassword])).toEqual([]);
});

test('shows the refused line with the device’s message, then rolls back to the backup', async ({ page }) => {
  await connectTelnet(page, { port: environment.zebraPort, password: environment.canaryPassword, enableSecret: environment.canaryEnable, hostname: 'r1' });
  await pickStaticManagementProfile(page);
  await importSiteSheet(page);
  await page.getByTestId('button-plan').click();
  await expect(page.getByTestId('plan-lines').getByTestId('plan-line')).toHaveCount(7);

  await page.getByTestId('button-apply').click();
  const failed = page.getByTestId('run-failed');
  await expect(failed).toHaveAttribute('data-line', '5');
  await expect(failed).toContainText('第 5 行被设备拒绝：ip route 10.255.0.0/24 192.168.100.1');
  await expect(page.getByTestId('run-failed-message')).toContainText('Unknown command');
  await expect(page.getByTestId('run-progress-count')).toHaveText('第 4 / 7 行');
  await expect(page.getByTestId('run-result')).toHaveCount(0);
  await page.screenshot({ path: failedScreenshot });

  await page.getByTestId('button-rollback').click();
  const rollback = page.getByTestId('rollback-result');
  await expect(rollback).toHaveAttribute('data-outcome', 'done');
  await expect(rollback).toContainText('回滚完成');

  await disconnect(page);
  expect(filesContaining(e2eDataDir, ['192.168.100.2/24']).length).toBeGreaterThan(0);
  expect(filesContaining(artifactsDir, [environment.canaryPassword, environment.canaryEnable, loginPassword])).toEqual([]);
});
