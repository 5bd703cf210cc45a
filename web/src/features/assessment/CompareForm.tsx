import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import type { Assessment } from './api';
import { historyLabel } from './history';

/** Two completed assessments to compare: the earlier ("from") and the later ("to"). */
export function CompareForm({
  completed,
  from: initialFrom,
  to: initialTo,
}: {
  completed: Assessment[];
  from?: string;
  to?: string;
}) {
  const navigate = useNavigate();
  const id = useId();
  const [from, setFrom] = useState(initialFrom ?? completed[1]?.id ?? '');
  const [to, setTo] = useState(initialTo ?? completed[0]?.id ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && from === to) {
      setErrors({ to: 'Choose a different assessment from the first one.' });
      return;
    }
    setErrors({});
    navigate(`/assessment/compare?${new URLSearchParams({ from, to }).toString()}`);
  };

  const options = completed.map((a) => (
    <option key={a.id} value={a.id}>
      {historyLabel(a)} · {a.overall_percentage ?? 0}%
    </option>
  ));

  return (
    <form className="gl-compare-form" onSubmit={submit} noValidate>
      <div className="vf-field">
        <label className="vf-label" htmlFor={`${id}-from`}>
          Earlier assessment
        </label>
        <select
          id={`${id}-from`}
          className="vf-select"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          {...fieldErrorProps('from', errors)}
        >
          {options}
        </select>
        <FieldError name="from" errors={errors} />
      </div>
      <div className="vf-field">
        <label className="vf-label" htmlFor={`${id}-to`}>
          Later assessment
        </label>
        <select
          id={`${id}-to`}
          className="vf-select"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          {...fieldErrorProps('to', errors)}
        >
          {options}
        </select>
        <FieldError name="to" errors={errors} />
      </div>
      <div className="gl-compare-form__submit">
        <button type="submit" className="vf-button">
          Compare
        </button>
      </div>
    </form>
  );
}
