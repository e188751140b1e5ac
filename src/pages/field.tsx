/**
 * The pieces of every form: a labelled text input with its help and error, wired for screen
 * readers, and the summary of a refused form's errors.
 */

export interface ShownError {
  field: string;
  /** The message, already in the reader's language. */
  text: string;
}

export interface FieldProps {
  id: string;
  label: string;
  errors?: readonly ShownError[];
  type?: string;
  value?: string | null | undefined;
  required?: boolean;
  /** Said after the label, e.g. "(required)", where a form marks every field. */
  marker?: string;
  autocomplete?: string;
  help?: string;
  min?: string;
  max?: string;
  maxlength?: number;
  inputmode?: 'numeric';
}

export function Field({ id, label, errors = [], type = 'text', value, required, marker, autocomplete, help, ...rest }: FieldProps) {
  const error = errors.find((e) => e.field === id);
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {marker ? <span class="req"> {marker}</span> : null}
      </label>
      {help ? (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error.text}
        </p>
      ) : null}
      <input
        id={id}
        name={id}
        type={type}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
    </div>
  );
}

/**
 * GOV.UK-style summary of a refused form: focusable, announced, each entry a link to its
 * field (`#<field>` unless the entry names another target).
 */
export function ErrorSummary({ title, errors }: { title: string; errors: readonly (ShownError & { href?: string })[] }) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={e.href ?? `#${e.field}`}>{e.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
