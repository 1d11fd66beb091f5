import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';

interface Base {
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** Label, help text and the error the API (or the form) gives for this field, wired up for screen readers. */
export function TextField({
  label,
  description,
  error,
  value,
  onChange,
  type = 'text',
  required,
  autoComplete,
  inputMode,
  name,
  multiline,
  size,
  min,
  max,
}: Base & {
  value: string;
  onChange: (v: string) => void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'text' | 'search';
  name?: string;
  multiline?: boolean;
  size?: number;
  /** Bounds of a date (YYYY-MM-DD) or number input. */
  min?: string;
  max?: string;
}) {
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  const common = {
    id,
    name,
    value,
    invalid: Boolean(error),
    required,
    'aria-describedby': describedBy(description !== undefined && descId, error && errId),
  };
  return (
    <FormField invalid={Boolean(error)} type="text" className="bs-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description !== undefined && <FormFieldDescription id={descId}>{description}</FormFieldDescription>}
      {error && (
        <FormFieldErrorMessage id={errId} className="bs-field__error">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        {multiline ? (
          <Textarea {...common} onChange={(e) => onChange(e.target.value)} rows={3} />
        ) : (
          <Textbox
            {...common}
            type={type}
            autoComplete={autoComplete}
            inputMode={inputMode}
            size={size}
            min={min}
            max={max}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </div>
    </FormField>
  );
}

export function SelectField({
  label,
  description,
  error,
  value,
  onChange,
  options,
  required,
}: Base & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  return (
    <FormField invalid={Boolean(error)} type="select" className="bs-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description !== undefined && <FormFieldDescription id={descId}>{description}</FormFieldDescription>}
      {error && (
        <FormFieldErrorMessage id={errId} className="bs-field__error">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          value={value}
          invalid={Boolean(error)}
          required={required}
          aria-describedby={describedBy(description !== undefined && descId, error && errId)}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

export function RadioGroup({
  legend,
  value,
  onChange,
  options,
  error,
}: {
  legend: ReactNode;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const name = useId();
  return (
    <Fieldset invalid={Boolean(error)} className="bs-fieldset">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error && <FormFieldErrorMessage className="bs-field__error">{error}</FormFieldErrorMessage>}
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <FormField type="radio" key={o.value} className="bs-choice">
            <RadioButton
              id={id}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <FormLabel htmlFor={id} type="radio" checked={value === o.value}>
              {o.label}
            </FormLabel>
          </FormField>
        );
      })}
    </Fieldset>
  );
}

export function CheckboxGroup({
  legend,
  values,
  onChange,
  options,
  error,
}: {
  legend: ReactNode;
  values: string[];
  onChange: (v: string[]) => void;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const name = useId();
  return (
    <Fieldset invalid={Boolean(error)} className="bs-fieldset">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error && <FormFieldErrorMessage className="bs-field__error">{error}</FormFieldErrorMessage>}
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        const checked = values.includes(o.value);
        return (
          <FormField type="checkbox" key={o.value} className="bs-choice">
            <Checkbox
              id={id}
              checked={checked}
              onChange={() => onChange(checked ? values.filter((v) => v !== o.value) : [...values, o.value])}
            />
            <FormLabel htmlFor={id} type="checkbox" checked={checked}>
              {o.label}
            </FormLabel>
          </FormField>
        );
      })}
    </Fieldset>
  );
}
