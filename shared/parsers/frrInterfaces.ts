import type { InterfaceState } from './interfaces';
import { normalizeLines, OutputParseError } from './table';

const HEADER = /^Interface (\S+) is (up|down)(?:, line protocol (is up|is down|detection is disabled))?$/;
const NOT_FOUND = /^% Can't find interface (\S+)$/;

/**
 * FRR `show interface [NAME]`: one block per interface, opened by `Interface eth1 is up, line
 * protocol is up` (fixtures test/fixtures/interfaces/ios-frr-8.4.4-show-interface*.txt).
 *
 * Unlike FRR's `show interface brief`, which prints only the administrative IFF_UP flag, this
 * header carries the link: `is up, line protocol is down` is a port without carrier, `line
 * protocol detection is disabled` leaves `operUp` null. `is down` is IFF_UP clear (shut down),
 * printed without a line protocol: `operUp` is then false. A `pseudo interface` is configured in
 * FRR but absent from the kernel: `adminUp` null (nothing was shut), `operUp` false. `address` is
 * the first `inet` line (IPv4, as in the brief table); `description` the `Description:` line.
 *
 * `% Can't find interface X` (neither FRR nor the kernel knows the name) is an empty list: the
 * interface is missing, which the check reports, not an unreadable output. Pure; throws
 * {@link OutputParseError} for any other text.
 */
export function parseFrrInterfaces(output: string): InterfaceState[] {
  const lines = normalizeLines(output);
  const rows: { state: InterfaceState; lines: string[] }[] = [];
  let notFound = false;
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header?.[1]) {
      const adminUp = header[2] === 'up';
      const protocol = header[3];
      const operUp = !adminUp ? false : protocol === 'is up' ? true : protocol === 'is down' ? false : null;
      rows.push({ state: { name: header[1], adminUp, operUp, address: null, description: null, raw: line }, lines: [line] });
      continue;
    }
    if (NOT_FOUND.test(line.trim())) {
      notFound = true;
      continue;
    }
    const current = rows.at(-1);
    if (!current || !/^\s+\S/.test(line)) continue;
    current.lines.push(line);
    const detail = line.trim();
    const address = /^inet (\d+\.\d+\.\d+\.\d+\/\d+)/.exec(detail)?.[1];
    if (address) current.state.address ??= address;
    const description = /^Description: (.+)$/.exec(detail)?.[1];
    if (description) current.state.description ??= description.trim();
    if (detail === 'pseudo interface') {
      current.state.adminUp = null;
      current.state.operUp = false;
    }
  }
  if (rows.length === 0 && !notFound) throw new OutputParseError("no FRR `show interface` block (`Interface X is up|down`) or `% Can't find interface` found in the output");
  return rows.map(({ state, lines: blockLines }) => ({ ...state, raw: blockLines.join('\n') }));
}
