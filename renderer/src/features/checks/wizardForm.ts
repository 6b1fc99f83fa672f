/** The `name` of the provisioning wizard's parameters form (features/provision/ParametersStep.tsx). */
export const WIZARD_PARAMETERS_FORM = 'provision-parameters';

/** The one method used of the form instance (antd's Form.Provider hands out its own type). */
interface ValuesSource {
  getFieldsValue(all: true): unknown;
}

let wizardForm: ValuesSource | null = null;

/**
 * Handler for App's `Form.Provider onFormFinish`: when the wizard's parameters form is submitted
 * (every plan starts there) its instance is kept, never its values. The values, secrets among
 * them, are read only when profile checks are sent, as the wizard itself reads them per request.
 */
export function rememberWizardForm(name: string, forms: Readonly<Record<string, ValuesSource>>): void {
  if (name !== WIZARD_PARAMETERS_FORM) return;
  wizardForm = forms[name] ?? wizardForm;
}

/** The wizard's current parameter values; empty before its first plan. */
export function wizardValues(): Record<string, unknown> {
  const values: unknown = wizardForm?.getFieldsValue(true);
  return typeof values === 'object' && values !== null ? { ...values } : {};
}
