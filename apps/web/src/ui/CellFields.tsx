import { Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';

/*
 * Fields inside a table's cells (a row per item): no visible label, the column and row name them for screen
 * readers, and the API's message for that cell stands under the field.
 */

interface Cell {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}

function CellError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <div id={id} className="utrecht-form-field-error-message bs-field__error">
      {error}
    </div>
  );
}

function CellField({ error, children }: { error?: string; children: (errorId?: string) => ReactNode }) {
  const id = `${useId()}-err`;
  return (
    <>
      {children(error ? id : undefined)}
      <CellError id={id} error={error} />
    </>
  );
}

export function CellInput({
  label,
  value,
  onChange,
  error,
  readOnly,
  inputMode,
}: Cell & { readOnly?: boolean; inputMode?: 'decimal' | 'numeric' }) {
  return (
    <CellField error={error}>
      {(errorId) => (
        <Textbox
          aria-label={label}
          value={value}
          readOnly={readOnly}
          invalid={Boolean(error)}
          inputMode={inputMode}
          aria-describedby={errorId}
          onChange={(e) => onChange(e.target.value)}
          size={8}
        />
      )}
    </CellField>
  );
}

export function CellSelect({
  label,
  value,
  onChange,
  options,
  error,
  disabled,
}: Cell & { options: { value: string; label: string }[]; disabled?: boolean }) {
  return (
    <CellField error={error}>
      {(errorId) => (
        <Select
          aria-label={label}
          value={value}
          disabled={disabled}
          invalid={Boolean(error)}
          aria-describedby={errorId}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </CellField>
  );
}
