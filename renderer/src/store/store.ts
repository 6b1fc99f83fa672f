import { create } from 'zustand';
import { defaultLanguage } from '../i18n/i18n';
import { createChecksSlice, type ChecksSlice } from './checksSlice';
import { createConnectionSlice, type ConnectionSlice } from './connectionSlice';
import { createHostSlice, type HostSlice } from './hostSlice';
import { createProvisionSlice, type ProvisionSlice } from './provisionSlice';
import { createSerialPortsSlice, type SerialPortsSlice } from './serialPortsSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';

export type AppState = ConnectionSlice & SessionSlice & HostSlice & SerialPortsSlice & ProvisionSlice & ChecksSlice;

/** The window's one store. Nothing here is persisted; secrets are never put in it. */
export const useAppStore = create<AppState>()((...creatorArguments) => ({
  ...createConnectionSlice(...creatorArguments),
  ...createSessionSlice(...creatorArguments),
  ...createHostSlice(defaultLanguage)(...creatorArguments),
  ...createSerialPortsSlice(...creatorArguments),
  ...createProvisionSlice(...creatorArguments),
  ...createChecksSlice(...creatorArguments),
}));
