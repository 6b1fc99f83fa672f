import { DialectId } from '../contract/device';
import { asciiLookAlike, characterLength, describeCodePoint, findForbiddenCharacter, findNonAscii } from './characters';
import { interfaceNameExamples, isInterfaceName } from './interfaceNames';
import { lengthOfMask, parseIpv4, parseIpv4Prefix } from './ipv4';
import type { ParameterDeclaration } from './parameterSchema';
import { text, type LocalizedText, type ProblemCode } from './problems';

export type ValueCheck = { ok: true; value: string } | { ok: false; code: ProblemCode; message: LocalizedText };

/** No value of any type is longer than this, whatever the declaration says. */
export const ABSOLUTE_MAX_LENGTH = 1024;

const fail = (code: ProblemCode, zh: string, en: string): ValueCheck => ({ ok: false, code, message: text(zh, en) });
const pass = (value: string): ValueCheck => ({ ok: true, value });

/**
 * Check one value against its declaration and return it normalised (surrounding spaces removed,
 * numbers in canonical form). Checks run in order: characters no value may hold, absolute
 * length, then the type's own rules. `dialect` narrows interface names to one dialect's
 * spellings; without it any dialect's spelling is accepted.
 */
export function checkParameterValue(declaration: ParameterDeclaration, raw: string, dialect?: DialectId): ValueCheck {
  const forbidden = findForbiddenCharacter(raw);
  if (forbidden) {
    const what = describeCodePoint(forbidden.codePoint);
    return fail(
      'control-character',
      `第 ${forbidden.position} 个字符是控制字符或不可见字符 ${what}；参数值不能包含回车、换行、转义等控制字符`,
      `character ${forbidden.position} is a control or invisible character, ${what}; values must not contain CR, LF, ESC or other control characters`,
    );
  }
  if (raw.length > ABSOLUTE_MAX_LENGTH) {
    return fail('too-long', `长度超过上限 ${ABSOLUTE_MAX_LENGTH} 个字符`, `longer than the absolute limit of ${ABSOLUTE_MAX_LENGTH} characters`);
  }
  if (declaration.type === 'secret') return checkSecret(declaration, raw);
  const value = raw.trim();
  if (declaration.type === 'text') return checkText(value, declaration.maxLength);
  const ascii = checkAscii(value, declaration.type === 'hostname' ? 'invalid-hostname' : invalidCode(declaration.type));
  if (ascii) return ascii;
  return checkAsciiType(declaration, value, dialect);
}

function invalidCode(type: ParameterDeclaration['type']): ProblemCode {
  const codes: Partial<Record<ParameterDeclaration['type'], ProblemCode>> = {
    ipv4: 'invalid-ipv4',
    'ipv4-prefix': 'invalid-prefix',
    'ipv4-mask': 'invalid-mask',
    'ipv4-wildcard': 'invalid-wildcard',
    interface: 'invalid-interface',
    phone: 'invalid-phone',
    enum: 'not-in-enum',
  };
  return codes[type] ?? 'not-integer';
}

/** Types that are ASCII on every device: a non-ASCII character is a look-alike or a mistake. */
function checkAscii(value: string, code: ProblemCode): ValueCheck | null {
  const found = findNonAscii(value);
  if (!found) return null;
  const character = String.fromCodePoint(found.codePoint);
  const what = describeCodePoint(found.codePoint);
  const imitated = asciiLookAlike(found.codePoint);
  if (imitated !== null) {
    return fail(
      'look-alike',
      `第 ${found.position} 个字符“${character}”（${what}）是形似字符，看起来像“${imitated}”；此处只能用 ASCII 字符（半角）`,
      `character ${found.position}, "${character}" (${what}), is a look-alike of "${imitated}"; only ASCII characters are allowed here`,
    );
  }
  return fail(code, `第 ${found.position} 个字符“${character}”（${what}）不是 ASCII 字符；此处只能用 ASCII 字符（半角）`, `character ${found.position}, "${character}" (${what}), is not ASCII; only ASCII characters are allowed here`);
}

function checkAsciiType(declaration: ParameterDeclaration, value: string, dialect: DialectId | undefined): ValueCheck {
  switch (declaration.type) {
    case 'ipv4':
      return parseIpv4(value) === null
        ? fail('invalid-ipv4', '不是有效的 IPv4 地址（应为 192.0.2.1 这样的四段 0-255 十进制数，不带前导零）', 'not a valid IPv4 address (four decimal numbers 0-255 without leading zeros, such as 192.0.2.1)')
        : pass(value);
    case 'ipv4-prefix': {
      const parsed = parseIpv4Prefix(value);
      if (parsed.ok) return pass(value);
      if (parsed.reason === 'host-bits') {
        return fail('host-bits-set', `主机位不为零：该前缀的网络地址是 ${parsed.network}`, `the host bits are not zero: the network of this prefix is ${parsed.network}`);
      }
      return fail('invalid-prefix', '不是有效的 IPv4 前缀（应为 10.1.0.0/24 这样的“地址/长度”，长度 0-32）', 'not a valid IPv4 prefix (address/length with a length of 0-32, such as 10.1.0.0/24)');
    }
    case 'ipv4-mask': {
      const mask = parseIpv4(value);
      return mask !== null && lengthOfMask(mask) !== null
        ? pass(value)
        : fail('invalid-mask', '不是有效的子网掩码（应为 255.255.255.0 这样连续的 1）', 'not a valid network mask (contiguous ones, such as 255.255.255.0)');
    }
    case 'ipv4-wildcard': {
      const wildcard = parseIpv4(value);
      return wildcard !== null && lengthOfMask(~wildcard >>> 0) !== null
        ? pass(value)
        : fail('invalid-wildcard', '不是有效的反掩码（应为 0.0.0.255 这样连续的反码）', 'not a valid wildcard mask (a contiguous inverse mask, such as 0.0.0.255)');
    }
    case 'interface':
      return checkInterface(value, dialect);
    case 'vlan':
      return checkInteger(value, 1, 4094, 'VLAN');
    case 'asn':
      return checkInteger(value, 1, 4294967295, 'AS');
    case 'integer':
      return checkInteger(value, declaration.min, declaration.max, '');
    case 'phone':
      return /^\+?[0-9]{3,20}$/.test(value)
        ? pass(value)
        : fail('invalid-phone', '不是有效的电话号码或分机号（3-20 位数字，可带前导 +）', 'not a valid phone number or extension (3-20 digits, optional leading +)');
    case 'hostname':
      return checkHostname(value, declaration.maxLength);
    case 'enum':
      return declaration.values.includes(value)
        ? pass(value)
        : fail('not-in-enum', `只能取以下值之一：${declaration.values.join(', ')}`, `must be one of: ${declaration.values.join(', ')}`);
    case 'secret':
    case 'text':
      throw new Error('unreachable: secret and text are checked before ASCII types');
  }
}

function checkInterface(value: string, dialect: DialectId | undefined): ValueCheck {
  if (dialect ? isInterfaceName(dialect, value) : DialectId.options.some((id) => isInterfaceName(id, value))) return pass(value);
  const examples = (dialect ? interfaceNameExamples(dialect) : ['GigabitEthernet0/0/1', 'Vlanif10', 'ge-0/0/0.0']).join(', ');
  const scope = dialect ? ` (${dialect})` : '';
  return fail('invalid-interface', `不是有效的接口名${scope}，例如：${examples}`, `not a valid interface name${scope}; for example: ${examples}`);
}

function checkInteger(value: string, min: number, max: number, unit: string): ValueCheck {
  if (!/^-?[0-9]{1,12}$/.test(value)) return fail('not-integer', `不是整数${unit ? `（${unit}）` : ''}`, `not a whole number${unit ? ` (${unit})` : ''}`);
  const number = Number(value);
  if (number < min || number > max) {
    const label = unit ? `${unit} ` : '';
    return fail('out-of-range', `${label}取值范围是 ${min}-${max}`, `${label}must be between ${min} and ${max}`);
  }
  return pass(String(number));
}

function checkHostname(value: string, maxLength: number): ValueCheck {
  if (value.length > maxLength) return fail('too-long', `主机名最长 ${maxLength} 个字符`, `a host name is at most ${maxLength} characters`);
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(value) || value.includes('..')) {
    return fail(
      'invalid-hostname',
      '主机名只能包含 ASCII 字母、数字、连字符和点，且须以字母或数字开头和结尾',
      'a host name may contain only ASCII letters, digits, hyphens and dots, and must start and end with a letter or digit',
    );
  }
  return pass(value);
}

/** Secrets keep their exact value (no trimming) and never appear in a message. */
function checkSecret(declaration: Extract<ParameterDeclaration, { type: 'secret' }>, value: string): ValueCheck {
  if (value.length < declaration.minLength) return fail('too-short', `至少需要 ${declaration.minLength} 个字符`, `must be at least ${declaration.minLength} characters`);
  if (value.length > declaration.maxLength) return fail('too-long', `最长 ${declaration.maxLength} 个字符`, `must be at most ${declaration.maxLength} characters`);
  const allowed = declaration.allowSpaces ? /^[\x20-\x7e]+$/ : /^[\x21-\x7e]+$/;
  if (!allowed.test(value)) {
    return declaration.allowSpaces
      ? fail('invalid-secret', '只能包含可打印的 ASCII 字符', 'may contain printable ASCII characters only')
      : fail('invalid-secret', '只能包含可打印的 ASCII 字符，且不能有空格', 'may contain printable ASCII characters only, without spaces');
  }
  if (value !== value.trim()) return fail('invalid-secret', '首尾不能是空格（设备会删去）', 'must not start or end with a space (devices drop it)');
  // IOS-like CLIs answer `?` with context help instead of taking it as input; a double quote ends
  // a quoted argument on Junos and Comware.
  if (value.includes('?') || value.includes('"')) {
    return fail('invalid-secret', '不能包含 ? 或 "（命令行会把 ? 当作帮助，把 " 当作引号）', 'must not contain ? or " (CLIs take ? as a help request and " as a quote)');
  }
  return pass(value);
}

function checkText(value: string, maxLength: number): ValueCheck {
  if (characterLength(value) > maxLength) return fail('too-long', `最长 ${maxLength} 个字符`, `must be at most ${maxLength} characters`);
  if (value.includes('"')) return fail('invalid-text', '不能包含双引号 "（命令行会把它当作引号）', 'must not contain a double quote " (CLIs take it as a quote)');
  return pass(value);
}
