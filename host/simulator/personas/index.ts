import type { DialectId } from '../../../shared/contract';
import type { Persona } from '../types';
import { comware } from './comware';
import { ios } from './ios';
import { junos } from './junos';
import { maipu } from './maipu';
import { ruijie } from './ruijie';
import { vrp } from './vrp';

/** One simulated CLI per dialect. */
export const personas: Readonly<Record<DialectId, Persona>> = { ios, maipu, ruijie, vrp, comware, junos };
