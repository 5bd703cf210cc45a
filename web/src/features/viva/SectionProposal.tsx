import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import {
  CATEGORY_LABELS,
  LIFE_CATEGORIES,
  isLifeCategory,
  type LifeCategory,
} from '../../ui/lifeCategories';
import { NotEnoughTokens } from './NotEnoughTokens';
import { acceptIntoDraft, proposeSection, type Accepted, type Proposal } from './proposal';
import { paymentMessage, usageLine } from './wording';

const MAX_INSTRUCTION = 4000;

/**
 * "Write a section with VIVA": VIVA drafts or refines one area from this conversation; the member
 * reads it and either puts it into their draft version or discards it. Nothing reaches the vision
 * without that click.
 */
export function SectionProposal({
  threadId,
  category,
  onProposed,
}: {
  threadId: string;
  category: string | null | undefined;
  /** The proposal's turns are stored in the thread and may have cost tokens: refresh both. */
  onProposed: () => void;
}) {
  const api = useApi();
  const [section, setSection] = useState<LifeCategory>(
    category && isLifeCategory(category) ? category : 'fun',
  );
  const [instruction, setInstruction] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const [acceptError, setAcceptError] = useState<UiError | null>(null);

  const propose = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setProposal(null);
    setAccepted(null);
    setAcceptError(null);
    try {
      setProposal(await proposeSection(api, threadId, section, instruction));
      setInstruction('');
      onProposed();
    } catch (failure) {
      setError(toUiError(failure));
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (!proposal?.text || !proposal.section || !isLifeCategory(proposal.section)) return;
    setAccepting(true);
    setAcceptError(null);
    try {
      setAccepted(await acceptIntoDraft(api, proposal.section, proposal.text));
    } catch (failure) {
      setAcceptError(toUiError(failure));
    } finally {
      setAccepting(false);
    }
  };

  const fields = error?.fieldErrors;
  const payment = paymentMessage(error);
  const area =
    proposal?.section && isLifeCategory(proposal.section) ? CATEGORY_LABELS[proposal.section] : '';
  return (
    <section className="viva-proposal" aria-labelledby="viva-proposal-title">
      <h2 id="viva-proposal-title" className="viva-proposal__title">
        Write a section with VIVA
      </h2>
      <p className="viva-proposal__hint">
        VIVA drafts one area of your vision from this conversation, or sharpens what you wrote.
        Nothing changes in your vision until you put it in your draft.
      </p>
      <form className="viva-proposal__form" onSubmit={(event) => void propose(event)}>
        <div>
          <label className="vf-label" htmlFor="viva-proposal-section">
            Area
          </label>
          <select
            id="viva-proposal-section"
            className="vf-input"
            value={section}
            onChange={(event) => {
              if (isLifeCategory(event.target.value)) setSection(event.target.value);
            }}
            {...fieldErrorProps('section', fields)}
          >
            {LIFE_CATEGORIES.map((key) => (
              <option key={key} value={key}>
                {CATEGORY_LABELS[key]}
              </option>
            ))}
          </select>
          <FieldError name="section" errors={fields} />
        </div>
        <div>
          <label className="vf-label" htmlFor="viva-proposal-instruction">
            What you want from it (optional)
          </label>
          <input
            id="viva-proposal-instruction"
            className="vf-input"
            maxLength={MAX_INSTRUCTION}
            value={instruction}
            placeholder="e.g. shorter, more about my mornings"
            onChange={(event) => setInstruction(event.target.value)}
            {...fieldErrorProps('instruction', fields)}
          />
          <FieldError name="instruction" errors={fields} />
        </div>
        <div className="viva-proposal__actions">
          <button type="submit" className="vf-button" disabled={busy}>
            {busy ? 'VIVA is writing…' : 'Draft this section'}
          </button>
        </div>
      </form>
      {payment ? (
        <NotEnoughTokens>{payment}</NotEnoughTokens>
      ) : (
        error &&
        !fields?.instruction &&
        !fields?.section && <ErrorNotice error={error} className="viva-gap" />
      )}
      {proposal && (
        <article className="viva-proposal__card" aria-label={`VIVA's draft for ${area}`}>
          <p className="viva-proposal__area">{area}</p>
          <p className="viva-proposal__text">{proposal.text}</p>
          <p className="viva-usage">
            <span className="viva-usage__label">Usage:</span>{' '}
            {usageLine({
              tokens_used: proposal.tokens_used,
              input_tokens: proposal.reply?.input_tokens,
              output_tokens: proposal.reply?.output_tokens,
              model: proposal.reply?.model,
              context: proposal.reply?.context,
            })}
          </p>
          {accepted ? (
            <p className="viva-proposal__done" role="status">
              {accepted.created ? 'Started a new draft, ' : 'Added to your draft '}“{accepted.title}
              ”{accepted.created ? ', with it. ' : '. '}
              <Link to={`/life-vision/${accepted.visionId}`}>Open the draft</Link>
            </p>
          ) : (
            <div className="viva-proposal__actions">
              <button
                type="button"
                className="vf-button"
                onClick={() => void accept()}
                disabled={accepting}
              >
                {accepting ? 'Adding…' : 'Put it in my draft'}
              </button>
              <button
                type="button"
                className="vf-button vf-button--quiet"
                onClick={() => setProposal(null)}
                disabled={accepting}
              >
                Discard
              </button>
            </div>
          )}
          {acceptError && <ErrorNotice error={acceptError} className="viva-gap" />}
        </article>
      )}
    </section>
  );
}
