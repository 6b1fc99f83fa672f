/**
 * Test data for libraryMatrix.test.ts: what a profile/dialect pair of the library matrix leaves
 * different from "applies, re-plans to nothing, rolls back to the backup", and why. Lines are as
 * the engine reports them (`section > line`, secrets masked). A pair not listed must pass whole.
 *
 * Masking: the simulated rig's session masks its outputs with its own masker; the test masks the
 * differences with the context's masker before comparing. (The host shares one masker between the
 * channel, the session and provisioning, so a profile's secrets are masked everywhere.)
 */
export interface KnownOutcome {
  reason: string;
  /** The apply stops at this line: the dialect's simulator refuses it. */
  refused?: string;
  /** What a second plan right after the apply still sends (shown as `section > line`). */
  replan?: string[];
  /** In the backup, missing after the rollback. */
  missing?: string[];
  /** Not in the backup, left after the rollback. */
  extra?: string[];
}

const portLeftUp = (port: string): KnownOutcome => ({
  reason: 'the reverse does not shut the port again (the profile cannot know it was shut); IOS ships unused ports shut',
  missing: [`interface ${port} > shutdown`],
});

const rsaKeyAgain = (command: string): string[] => [command];

const snmpUserHidden: KnownOutcome = {
  reason: 'IOS keeps SNMPv3 users out of the running configuration (`show snmp user`), so every plan sends the user again',
  replan: ['snmp-server user nms-xa NMS-V3 v3 auth sha ****** priv aes 128 ******'],
};

const snmpAgentKept: KnownOutcome = {
  reason: 'the reverse keeps the agent and its enabled versions (snmpv3.yaml comments)',
  extra: ['snmp-agent', 'snmp-agent sys-info version v3'],
};

export const KNOWN_OUTCOMES: Readonly<Record<string, KnownOutcome>> = {
  'base-management/ios': portLeftUp('GigabitEthernet0/0/2'),
  'base-system/vrp': {
    reason: "base-system's reverse keeps `info-center enable` (VRP's default; undoing it would stop logging); the host name comes back from the backup",
    extra: ['info-center enable'],
  },
  'base-system/comware': {
    reason: "base-system's reverse keeps `info-center enable` (Comware's default; undoing it would stop logging); the host name comes back from the backup",
    extra: ['info-center enable'],
  },
  'frr-ospf-tunnel/ios': {
    reason: 'a lab profile in FRR 8.4 words (proven on real FRR by test/integration/libraryOnFrr.test.ts): IOS wants an OSPF process number, and writes `eth1` out as Ethernet1',
    refused: 'router ospf',
    extra: ['interface Ethernet1', 'interface Ethernet1 > no ip address'],
  },
  'frr-static-mgmt/ios': {
    reason: 'a lab profile in FRR 8.4 words (proven on real FRR by test/integration/libraryOnFrr.test.ts): IOS writes `eth3` out as Ethernet3, so the plan never finds the port',
    replan: ['interface eth3', 'interface eth3 > description management', 'interface eth3 > ip address 192.168.100.2/24', 'interface eth3 > exit'],
    extra: ['interface Ethernet3', 'interface Ethernet3 > no ip address'],
  },
  'mpls-ce-ebgp/ios': portLeftUp('GigabitEthernet0/0/1'),
  'sip-fxs-gateway/ios': {
    reason: 'the reverse leaves the `voice service voip` / `sip` and `sip-ua` sections it emptied',
    extra: ['voice service voip', 'voice service voip > sip', 'sip-ua'],
  },
  'sip-fxs-gateway/comware': {
    reason:
      'shared/config has no opaque-value rule for the Comware voice `user … password simple …` line, so every plan sends it again; the reverse leaves the `voice-setup`, `sip` and `dial-program` views it emptied',
    replan: [
      'voice-setup',
      'voice-setup > dial-program',
      'voice-setup > dial-program > entity 101 pots',
      'voice-setup > dial-program > entity 101 pots > user 86058001 password simple ****** realm voice.gaoling.xa.gov.cn',
      'voice-setup > dial-program > entity 101 pots > quit',
      'voice-setup > dial-program > quit',
      'voice-setup > quit',
    ],
    extra: ['voice-setup', 'voice-setup > sip', 'voice-setup > dial-program'],
  },
  'snmpv3/ios': snmpUserHidden,
  'snmpv3/maipu': snmpUserHidden,
  'snmpv3/ruijie': snmpUserHidden,
  'snmpv3/vrp': snmpAgentKept,
  'snmpv3/comware': snmpAgentKept,
  'ssh-management/ios': {
    reason:
      'the RSA key is not configuration, so every plan generates it again (kept on rollback, see the profile); IOSv ships `transport input none`, which the reverse `no transport input` would remove too, so rollback skips it and the lines keep the applied `transport input ssh`',
    replan: rsaKeyAgain('crypto key generate rsa modulus 2048'),
    missing: ['line vty 0 4 > transport input none'],
    extra: ['line vty 0 4 > transport input ssh'],
  },
  'ssh-management/maipu': { reason: 'the RSA key is not configuration, so every plan generates it again (kept on rollback, see the profile)', replan: rsaKeyAgain('crypto key generate rsa modulus 2048') },
  'ssh-management/ruijie': { reason: 'the RSA key is not configuration, so every plan generates it again (kept on rollback, see the profile)', replan: rsaKeyAgain('crypto key generate rsa modulus 2048') },
  'ssh-management/vrp': { reason: 'the RSA key is not configuration, so every plan generates it again (kept on rollback, see the profile)', replan: rsaKeyAgain('rsa local-key-pair create') },
  'ssh-management/comware': {
    reason:
      'the RSA key is generated again by every plan; the reverse keeps the VTY authentication mode (see the profile) on the Comware 7 `line vty 0 63` this Comware 5 box did not show',
    replan: rsaKeyAgain('public-key local create rsa'),
    extra: ['line vty 0 63', 'line vty 0 63 > authentication-mode scheme'],
  },
};
