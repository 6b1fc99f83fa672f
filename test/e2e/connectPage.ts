import type { Page } from '@playwright/test';

export type TransportKind = 'serial' | 'telnet' | 'ssh';

/** Clicks the transport in the connection form's selector (串口 Console / Telnet / SSH). */
export async function chooseTransport(page: Page, kind: TransportKind): Promise<void> {
  await page.getByTestId(`transport-${kind}`).click();
}

/** Types a serial path into the port picker (pseudo-terminals are never listed, so they are typed). */
export async function fillSerialPath(page: Page, path: string): Promise<void> {
  // antd's AutoComplete puts the test id on its wrapper; the text box is the input inside.
  const input = page.getByTestId('input-serial-path').locator('input');
  await input.fill(path);
  await input.press('Escape');
}

/** Types a command into the live terminal, as the technician would. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
