export { followSessionState, loadHostInfo } from './actions';
export { ConnectForm } from './ConnectForm';
export { DeviceCard } from './DeviceCard';
export { SessionLostBanner } from './SessionLostBanner';
