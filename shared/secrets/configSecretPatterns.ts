/**
 * Secrets written inside configuration lines, for values the session does not know (another
 * user's password, a hashed enable secret, an SNMP community). Capture group 1 is the secret;
 * the keyword around it is kept, so `password 7 0822455D0A16` becomes `password 7 ******`.
 *
 * Each keyword is anchored at the start of a line or right after a prompt character (`#`, `>`,
 * `]`), so the device's echo of a typed command (`r1(config)# enable secret 5 ...`) is masked too.
 *
 * Contract for every pattern here and for patterns a dialect adds:
 * - group 1 must not reach past the end of the line (use `[ \t]` and `\S`, not `\s`);
 * - a line cut right after any character of the secret must still match, with group 1 covering
 *   the visible part, and nothing after the secret may be required. The stream masker relies on
 *   it to hold back a secret that is still arriving (see `createSecretMasker`).
 */
export const configSecretPatterns: readonly RegExp[] = [
  // IOS `password 7 0822455D0A16`, `enable password 0 x`, FRR `password zebra` /
  // `enable password enable`, VRP `user-interface` `password cipher x`.
  /(?:^|[#>\]])[ \t]*(?:enable[ \t]+)?password[ \t]+(?:(?:\d|cipher|simple|irreversible-cipher)[ \t]+)?(\S+)/m,
  // IOS `enable secret 5 $1$mERr$...`, `enable secret level 15 5 x`.
  /(?:^|[#>\]])[ \t]*enable[ \t]+secret[ \t]+(?:level[ \t]+\d+[ \t]+)?(?:\d[ \t]+)?(\S+)/m,
  // IOS `username admin privilege 15 secret 0 x`, `username u password 7 x`.
  /(?:^|[#>\]])[ \t]*username[ \t]+\S+[^\n]*?[ \t](?:secret|password)[ \t]+(?:\d[ \t]+)?(\S+)/m,
  // VRP and Comware `local-user admin password irreversible-cipher x`.
  /(?:^|[#>\]])[ \t]*local-user[ \t]+\S+[^\n]*?[ \t]password[ \t]+(?:(?:cipher|simple|irreversible-cipher|hash)[ \t]+)?(\S+)/m,
  // IOS `crypto isakmp key 6 x address 203.0.113.1`.
  /(?:^|[#>\]])[ \t]*crypto[ \t]+isakmp[ \t]+key[ \t]+(?:\d[ \t]+)?(\S+)/m,
  // Comware keychain `pre-shared-key address 203.0.113.1 [255.255.255.255] key simple x`.
  /\bpre-shared-key[ \t]+address[ \t]+\S+(?:[ \t]+\S+)?[ \t]+key[ \t]+(?:(?:cipher|simple)[ \t]+)?(\S+)/m,
  // VRP and Comware `pre-shared-key cipher x`, IOS IKEv2 keyring `pre-shared-key local x`.
  /\bpre-shared-key[ \t]+(?!address\b)(?:(?:cipher|simple|local|remote|\d)[ \t]+)*(\S+)/m,
  // A password inside a longer line: IOS SIP `credentials username 1001 password 0 x`,
  // Comware voice `user 1001 password simple x`.
  // VRP/Comware `super password level 15 cipher x`, `super password role network-admin simple x`.
  /[ \t]password[ \t]+(?:(?:level|role)[ \t]+\S+[ \t]+)?(?:(?:\d|cipher|simple|irreversible-cipher|hash)[ \t]+)?(\S+)/m,
  // SNMPv3 keys: IOS `snmp-server user U G v3 auth sha x priv aes 128 y`, VRP
  // `snmp-agent usm-user v3 U authentication-mode sha x privacy-mode aes128 y`.
  /\b(?:auth|authentication-mode)[ \t]+(?:md5|sha\S*)[ \t]+(?:(?:cipher|simple)[ \t]+)?(\S+)/m,
  /\b(?:priv|privacy-mode)[ \t]+(?:des\S*|3des|aes\S*)(?:[ \t]+\d+)?[ \t]+(?:(?:cipher|simple)[ \t]+)?(\S+)/m,
  // IOS `snmp-server community public RO`.
  /(?:^|[#>\]])[ \t]*snmp-server[ \t]+community[ \t]+(\S+)/m,
  // VRP `snmp-agent community read cipher x`.
  /(?:^|[#>\]])[ \t]*snmp-agent[ \t]+community[ \t]+(?:read|write)[ \t]+(?:(?:cipher|simple)[ \t]+)?(\S+)/m,
  // IOS `tacacs-server key 7 x`, `radius-server host 10.0.0.1 key x`.
  /(?:^|[#>\]])[ \t]*(?:tacacs-server|radius-server)(?:[ \t]+host[ \t]+\S+)?[^\n]*?[ \t]key[ \t]+(?:\d[ \t]+)?(\S+)/m,
  // IOS key chains `key-string 7 x`.
  /(?:^|[#>\]])[ \t]*key-string[ \t]+(?:\d[ \t]+)?(\S+)/m,
  // IOS `ip ospf authentication-key x`, `ip ospf message-digest-key 1 md5 x`.
  /(?:^|[#>\]])[ \t]*ip[ \t]+ospf[ \t]+(?:authentication-key|message-digest-key[ \t]+\d+[ \t]+md5)[ \t]+(?:\d[ \t]+)?(\S+)/m,
  // IOS and FRR `neighbor 192.0.2.1 password x`.
  /(?:^|[#>\]])[ \t]*neighbor[ \t]+\S+[ \t]+password[ \t]+(?:\d[ \t]+)?(\S+)/m,
];
