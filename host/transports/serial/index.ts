export { SerialTransport, createSerialTransport, portPathPresent, type SerialTransportOptions } from './serialTransport';
export { listSerialPorts } from './listSerialPorts';
export { detectBaudRate, defaultBaudCandidates, defaultTimeoutPerRateMs, type BaudRateDetection, type BaudRateDetectionOptions, type BaudRateTrial } from './detectBaudRate';
export { describeAdapter } from './adapters';
export { scoreReadability, confidentReadability, minimumReadability } from './readability';
export type { SerialLineSettings } from './serialDevice';
