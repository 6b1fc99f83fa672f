import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startFrr, type FrrPeer } from '../peers/frr';
import { chooseTransport } from './connectPage';
import { readEnvironment } from './e2eEnvironment';
import { filesContaining } from './leakScan';
import { artifactsDir, repositoryRoot } from './paths';

const environment = readEnvironment();
const checksScreenshot = `${artifactsDir}/e2e-checks.png`;
/** The lab site of profiles/examples/frr-static-mgmt.csv (gateway 192.168.100.1 on eth3). */
const siteSheet = `${repositoryRoot}/profiles/examples/frr-static-mgmt.csv`;
const loginPassword = `cnry-${randomBytes(8).toString('hex')}`;
/** The web host's own port on 127.0.0.1: the laptop TCP check has a listener it can reach. */
const webPort = new URL(environment.url).port;
/** TEST-NET-1: no route to it exists inside the router's private namespace, so FRR's ping fails at once. */
const unreachable = '192.0.2.99';
let router: FrrPeer | undefined;

test.afterAll(async () => {
  await router?.stop();
});

/**
 * FRR's `ping` exists only in vtysh, so the router is reached through a telnetd login into vtysh
 * (like provision.spec.ts). Its pings stay inside its private network namespace.
 */
async function connectToRouter(page: Page): Promise<void> {
  router = await startFrr({
    hostname: 'r3',
    vtyPassword: environment.canaryPassword,
    enablePassword: environment.canaryEnable,
    daemons: ['zebra', 'staticd'],
    login: { username: 'fktech', password: loginPassword },
  });
  if (router.telnetdPort === undefined) throw new Error('r3 started without its telnetd');
  await page.goto(environment.url);
  await chooseTransport(page, 'telnet');
  await page.getByTestId('input-host').fill('127.0.0.1');
  await page.getByTestId('input-port').fill(String(router.telnetdPort));
  await page.getByTestId('input-username').fill('fktech');
  await page.getByTestId('input-password').fill(loginPassword);
  await page.getByTestId('button-connect').click();
  await expect(page.getByTestId('device-card').getByTestId('fact-hostname')).toHaveText('r3');
}

/** Previews (does not apply) the lab profile, so the checks tab can offer its checks with the wizard's values. */
async function previewLabProfile(page: Page): Promise<void> {
  await page.getByTestId('nav-provision').click();
  await page.getByTestId('profile-frr-static-mgmt').getByText('实验室：管理接口、管理路由和管理 ACL（FRR）').click();
  await page.getByTestId('button-profiles-next').click();
  await page.getByTestId('input-sheet-file').setInputFiles(siteSheet);
  await expect(page.getByTestId('param-mgmt_gateway')).toHaveValue('192.168.100.1');
  await page.getByTestId('button-plan').click();
  await expect(page.getByTestId('plan-lines').getByTestId('plan-line')).toHaveCount(7);
}

async function addCheck(page: Page, kind: 'ping' | 'tcp', fields: { target: string; count?: number; port?: string }): Promise<void> {
  await page.getByTestId(`adhoc-kind-${kind}`).click();
  await page.getByTestId('adhoc-target').fill(fields.target);
  if (fields.count !== undefined) await page.getByTestId('adhoc-count').fill(String(fields.count));
  if (fields.port !== undefined) await page.getByTestId('adhoc-port').fill(fields.port);
  await page.getByTestId('adhoc-add').click();
}

const row = (page: Page, id: string): Locator => page.locator(`[data-testid="check-row"][data-check-id="${id}"]`);

test('runs profile and ad-hoc checks live, shows the device’s output as evidence, re-runs one row, and leaks no secret', async ({ page }) => {
  await connectToRouter(page);
  await previewLabProfile(page);

  await page.getByTestId('nav-checks').click();
  await expect(page.getByTestId('checks-panel')).toBeVisible();
  await expect(page.getByTestId('checks-profiles')).toHaveAttribute('data-available', 'true');
  await expect(page.getByTestId('checks-profiles-status')).toContainText('已生成预览、尚未下发');
  await expect(page.getByTestId('checks-include-profiles')).toBeChecked();

  await addCheck(page, 'ping', { target: '127.0.0.1', count: 4 });
  await addCheck(page, 'ping', { target: unreachable, count: 2 });
  await addCheck(page, 'tcp', { target: '127.0.0.1', port: webPort });
  const loopback = row(page, 'ping-127.0.0.1');
  const dead = row(page, `ping-${unreachable}`);
  const tcp = row(page, `tcp-127.0.0.1:${webPort}`);
  await expect(loopback).toHaveAttribute('data-state', 'idle');
  await expect(loopback.getByTestId('check-label')).toHaveText('从设备 ping 127.0.0.1（4 次）');

  await page.getByTestId('checks-run-all').click();
  // Four echoes take about four seconds: the row is seen checking before it passes.
  await expect(loopback).toHaveAttribute('data-state', 'running');
  await expect(loopback).toHaveAttribute('data-state', 'pass');
  await expect(dead).toHaveAttribute('data-state', 'fail');
  await expect(tcp).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('checks-run-all')).toHaveText('全部重新检查');

  // The wizard's values reached the profile's checks: its gateway is pinged, and unreachable before the apply.
  const gateway = row(page, 'frr-static-mgmt.mgmt-gateway-reachable');
  await expect(gateway).toHaveAttribute('data-state', 'fail');
  await expect(gateway.getByTestId('check-label')).toHaveText('管理网关可达');
  await expect(row(page, 'frr-static-mgmt.mgmt-interface-up')).toHaveAttribute('data-state', /^(pass|fail|warn|error)$/);

  await expect(loopback.getByTestId('check-rule')).toHaveText('loss <= 20%');
  await expect(loopback.getByTestId('check-measured')).toContainText('loss=0');
  await loopback.getByTestId('check-toggle').click();
  await expect(loopback.getByTestId('check-command')).toContainText('$ ping 127.0.0.1');
  await expect(loopback.getByTestId('check-output')).toContainText('--- 127.0.0.1 ping statistics ---');
  await expect(loopback.getByTestId('check-output')).toContainText('0% packet loss');
  await page.getByTestId('checks-panel').evaluate((panel) => panel.scrollIntoView());
  await page.screenshot({ path: checksScreenshot });

  await expect(dead.getByTestId('check-measured')).toContainText('loss=100');
  await expect(dead.getByTestId('check-message')).toContainText('did not hold');
  await dead.getByTestId('check-toggle').click();
  await expect(dead.getByTestId('check-output')).toContainText('Network is unreachable');

  await tcp.getByTestId('check-toggle').click();
  await expect(tcp.getByTestId('check-output')).toContainText(`connected to 127.0.0.1:${webPort}`);
  await expect(page.getByTestId('checks-summary')).toHaveAttribute('data-done', '5');
  await expect(page.getByTestId('checks-elapsed')).toContainText('总用时');

  // One row again: it runs alone while the others keep their verdicts.
  await loopback.getByTestId('check-rerun').click();
  await expect(loopback).toHaveAttribute('data-state', 'running');
  await expect(dead).toHaveAttribute('data-state', 'fail');
  await expect(tcp).toHaveAttribute('data-state', 'pass');
  await expect(loopback).toHaveAttribute('data-state', 'pass');
  await expect(loopback.getByTestId('check-output')).toContainText('--- 127.0.0.1 ping statistics ---');

  // One check of a profile again: the host runs only that check, its sibling keeps the result it had.
  const interfaceUp = row(page, 'frr-static-mgmt.mgmt-interface-up');
  const siblingState = await interfaceUp.getAttribute('data-state');
  const siblingStartedAt = await interfaceUp.getAttribute('data-started-at');
  const gatewayStartedAt = await gateway.getAttribute('data-started-at');
  expect(siblingStartedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  await gateway.getByTestId('check-rerun').click();
  await expect(gateway).not.toHaveAttribute('data-started-at', gatewayStartedAt ?? '');
  await expect(gateway).toHaveAttribute('data-state', 'fail');
  await expect(gateway.getByTestId('check-rerun')).toBeEnabled();
  await expect(interfaceUp).toHaveAttribute('data-started-at', siblingStartedAt ?? '');
  await expect(interfaceUp).toHaveAttribute('data-state', siblingState ?? '');
  await expect(loopback).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('checks-summary')).toHaveAttribute('data-done', '5');

  await page.getByTestId('nav-connect').click();
  await page.getByTestId('button-disconnect').click();
  await expect(page.getByTestId('session-state')).toHaveAttribute('data-state', 'closed');
  expect(filesContaining(artifactsDir, [environment.canaryPassword, environment.canaryEnable, loginPassword])).toEqual([]);
});
