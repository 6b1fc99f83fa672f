export { ProvisionWizard } from './ProvisionWizard';
