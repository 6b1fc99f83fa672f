export { ChecksPanel } from './ChecksPanel';
export { rememberWizardForm } from './wizardForm';
