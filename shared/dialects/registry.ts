import type { DialectId } from '../contract/device';
import { comware } from './comware';
import { ios } from './ios';
import { junos } from './junos';
import { maipu } from './maipu';
import { ruijie } from './ruijie';
import { DialectDefinition, type DialectDefinitionInput } from './schema';
import { vrp } from './vrp';

const sources: Record<DialectId, DialectDefinitionInput> = { ios, maipu, ruijie, vrp, comware, junos };

function load(): Record<DialectId, DialectDefinition> {
  const loaded = {} as Record<DialectId, DialectDefinition>;
  for (const [key, source] of Object.entries(sources) as [DialectId, DialectDefinitionInput][]) {
    const parsed = DialectDefinition.safeParse(source);
    if (!parsed.success) {
      throw new Error(`dialect "${key}" is invalid: ${parsed.error.message}`);
    }
    if (parsed.data.id !== key) {
      throw new Error(`dialect registered as "${key}" declares id "${parsed.data.id}"`);
    }
    loaded[key] = parsed.data;
  }
  return loaded;
}

/** Every dialect, validated by the schema when this module loads: a broken data file fails fast. */
export const dialects: Readonly<Record<DialectId, DialectDefinition>> = load();
