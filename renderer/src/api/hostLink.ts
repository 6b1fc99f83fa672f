/**
 * The state of the carrier between this page and the host process (not the device line).
 * `unavailable`: no carrier could be set up at all (web mode without a token).
 */
export type HostLink = 'connecting' | 'open' | 'lost' | 'unavailable';
