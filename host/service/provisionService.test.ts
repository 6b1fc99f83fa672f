import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { createSecretMasker } from '../../shared/secrets/secretMasker';
import { EventBus } from '../carriers/eventBus';
import { silentLogger } from '../logging/logger';
import { createProvisionService } from './provisionService';

const examples = fileURLToPath(new URL('../../profiles/examples/', import.meta.url));

function service() {
  return createProvisionService({
    events: new EventBus(),
    logger: silentLogger,
    masker: createSecretMasker(),
    runsDir: null,
    session: () => {
      throw new Error('these tests open no session');
    },
  });
}

const importSheet = (fileName: string, content: Buffer | string) =>
  service()['profiles.importSheet'](contract.methods['profiles.importSheet'].request.parse({ fileName, contentBase64: Buffer.from(content).toString('base64') }));

describe('profiles.list', () => {
  it('describes each parameter as the wizard’s form needs it, never with a secret’s default', async () => {
    const library = await service()['profiles.list']({});
    const tunnel = library.profiles.find((profile) => profile.id === 'frr-ospf-tunnel');
    expect(tunnel?.parameters.find((parameter) => parameter.name === 'ospf_area')).toMatchObject({
      type: 'integer',
      label: { 'zh-CN': 'OSPF 区域', en: 'OSPF area' },
      default: '0',
      min: 0,
      max: 4294967295,
    });
    for (const profile of library.profiles) {
      for (const parameter of profile.parameters.filter((candidate) => candidate.secret)) expect(parameter.default).toBeUndefined();
    }
    expect(contract.methods['profiles.list'].response.safeParse(library).success).toBe(true);
  });
});

describe('profiles.importSheet', () => {
  it('reads an example site sheet from its content, the dialect column included', async () => {
    const result = await importSheet('frr-static-mgmt.csv', readFileSync(`${examples}frr-static-mgmt.csv`));
    expect(result).toEqual({
      ok: true,
      columns: ['dialect', 'mgmt_interface', 'mgmt_address', 'mgmt_network', 'mgmt_gateway', 'noc_prefix'],
      sites: {
        '实验室-FRR': {
          dialect: 'ios',
          mgmt_interface: 'eth3',
          mgmt_address: '192.168.100.2',
          mgmt_network: '192.168.100.0/24',
          mgmt_gateway: '192.168.100.1',
          noc_prefix: '10.255.0.0/24',
        },
      },
    });
  });

  it('accepts the parameters’ Chinese labels as headers', async () => {
    const result = await importSheet('site.csv', 'site,管理地址\nA-01,10.1.1.1\n');
    expect(result).toEqual({ ok: true, columns: ['mgmt_address'], sites: { 'A-01': { mgmt_address: '10.1.1.1' } } });
  });

  it('reports problems with their place in both languages, and refuses other file types', async () => {
    const unknown = await importSheet('site.csv', 'site,not_a_parameter\nA-01,1\n');
    expect(unknown).toMatchObject({ ok: false, problems: [{ code: 'unknown-column', row: 1 }] });
    const text = await importSheet('site.txt', 'site\n');
    expect(text).toMatchObject({ ok: false, problems: [{ code: 'file-format', message: { en: 'only .csv and .xlsx files are supported, got .txt' } }] });
  });
});
