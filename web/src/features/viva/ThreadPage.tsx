import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toUiError, type UiError } from '../../api/problem';
import { useApi } from '../../api/useApi';
import { useResource } from '../../api/useResource';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { formatNumber } from '../../ui/format';
import { categoryLabel } from '../../ui/lifeCategories';
import { Loading } from '../../ui/Loading';
import { MorePagesFoot } from '../../ui/MorePagesFoot';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  deleteThread,
  getThread,
  listMessages,
  loadBalance,
  renameThread,
  streamReply,
  type Thread,
} from './api';
import { NotEnoughTokens } from './NotEnoughTokens';
import { hasMore, loadNext, messagesOf, refreshTail, type LoadedPage } from './pages';
import { SectionProposal } from './SectionProposal';
import {
  applyEvent,
  endReply,
  isActive,
  startReply,
  stopReply,
  turnsOf,
  type LiveReply,
  type Message,
  type Turn,
} from './reply';
import {
  groundingLines,
  modeLabel,
  NO_GROUNDING,
  paymentMessage,
  sendsOnKey,
  threadTitle,
  usageLine,
} from './wording';

const MAX_MESSAGE = 4000;

function online(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

/** The member's token balance, refreshed after each reply. */
function useBalance() {
  const api = useApi();
  const [remaining, setRemaining] = useState<number | null>(null);
  const refresh = useCallback(() => {
    loadBalance(api).then(
      (balance) => setRemaining(Math.max(0, balance.remaining ?? 0)),
      () => undefined, // the balance line is a courtesy: a failed read leaves the last figure
    );
  }, [api]);
  useEffect(() => {
    const controller = new AbortController();
    loadBalance(api, controller.signal).then(
      (balance) => setRemaining(Math.max(0, balance.remaining ?? 0)),
      () => undefined,
    );
    return () => controller.abort();
  }, [api]);
  return { remaining, refresh };
}

function Grounding({ context }: { context: unknown }) {
  const lines = groundingLines(context);
  return (
    <div className="viva-grounding">
      <p className="viva-grounding__title">Based on</p>
      {lines.length > 0 ? (
        <ul className="viva-grounding__list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="viva-grounding__none">{NO_GROUNDING}</p>
      )}
    </div>
  );
}

function MessageItem({ message }: { message: Message }) {
  if (message.role === 'user') {
    return (
      <article className="viva-turn viva-turn--member" aria-label="You said">
        <p className="viva-turn__who" aria-hidden="true">
          You
        </p>
        <p className="viva-turn__text">{message.message}</p>
      </article>
    );
  }
  return (
    <article className="viva-turn viva-turn--viva" aria-label="VIVA replied">
      <p className="viva-turn__who" aria-hidden="true">
        VIVA
      </p>
      <p className="viva-turn__text">{message.message}</p>
      <footer className="viva-turn__meta">
        <Grounding context={message.context} />
        <p className="viva-usage">
          <span className="viva-usage__label">Usage:</span> {usageLine(message)}
        </p>
      </footer>
    </article>
  );
}

function TurnItem({ turn }: { turn: Turn }) {
  if (turn.kind === 'message') return <MessageItem message={turn.message} />;
  if (turn.kind === 'stopped') {
    return (
      <article className="viva-turn viva-turn--viva viva-turn--stopped" aria-label="Stopped reply">
        <p className="viva-turn__who" aria-hidden="true">
          VIVA
        </p>
        <p className="viva-turn__text">{turn.text || '…'}</p>
        <p className="viva-turn__note">Stopped by you: this reply was not kept or charged.</p>
      </article>
    );
  }
  return <p className="viva-turn__note viva-unanswered">No reply was kept for this message.</p>;
}

function turnKey(turn: Turn): string {
  return turn.kind === 'message' ? `m-${turn.message.id}` : `${turn.kind}-${turn.userMessageId}`;
}

function Question({ text }: { text: string }) {
  return (
    <article className="viva-turn viva-turn--member" aria-label="You said">
      <p className="viva-turn__who" aria-hidden="true">
        You
      </p>
      <p className="viva-turn__text">{text}</p>
    </article>
  );
}

function LiveAnswer({ live }: { live: LiveReply }) {
  return (
    <article
      className={`viva-turn viva-turn--viva${live.phase === 'stopped' ? ' viva-turn--stopped' : ''}`}
      aria-label="VIVA's reply"
    >
      <p className="viva-turn__who" aria-hidden="true">
        VIVA
      </p>
      <p className="viva-turn__text viva-live__text" data-phase={live.phase}>
        {live.text}
      </p>
      {live.phase === 'sending' && <p className="viva-turn__note">VIVA is thinking…</p>}
      {live.phase === 'stopped' && (
        <p className="viva-turn__note">
          You stopped this reply. A stopped reply is not kept or charged; your message is.
        </p>
      )}
      {live.phase === 'done' && <p className="viva-turn__note">Saving…</p>}
    </article>
  );
}

function Composer({
  draft,
  setDraft,
  active,
  onSend,
  onStop,
  error,
  onRetry,
  textarea,
}: {
  draft: string;
  setDraft: (value: string) => void;
  active: boolean;
  onSend: () => void;
  onStop: () => void;
  error: UiError | null;
  onRetry: () => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const payment = paymentMessage(error);
  const fields = error?.fieldErrors;
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (
      sendsOnKey({
        key: event.key,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        isComposing: event.nativeEvent.isComposing,
      })
    ) {
      event.preventDefault();
      onSend();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSend();
  };
  return (
    <form className="viva-composer" onSubmit={onSubmit} aria-label="Message VIVA">
      <label className="vf-label" htmlFor="viva-message">
        Your message
      </label>
      <textarea
        ref={textarea}
        id="viva-message"
        className="vf-textarea viva-composer__input"
        rows={3}
        maxLength={MAX_MESSAGE}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        {...fieldErrorProps('message', fields, 'viva-message-hint')}
      />
      <p id="viva-message-hint" className="viva-composer__hint">
        Enter sends, Shift+Enter starts a new line.
      </p>
      <FieldError name="message" errors={fields} />
      {payment ? (
        <NotEnoughTokens>
          {payment} Your message is still here to send when you have more.
        </NotEnoughTokens>
      ) : (
        error &&
        !fields?.message && <ErrorNotice error={error} onRetry={onRetry} className="viva-gap" />
      )}
      <div className="viva-composer__actions">
        {active ? (
          <button type="button" className="vf-button viva-button--stop" onClick={onStop}>
            Stop
          </button>
        ) : (
          <button type="submit" className="vf-button" disabled={draft.trim() === ''}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}

function RenameForm({
  thread,
  onDone,
  onCancel,
}: {
  thread: Thread;
  onDone: (thread: Thread) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [title, setTitle] = useState(thread.title ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await renameThread(api, thread.id ?? '', title.trim()));
    } catch (failure) {
      setError(toUiError(failure, online()));
      setBusy(false);
    }
  };
  const fields = error?.fieldErrors;
  return (
    <form
      className="viva-rename"
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div className="vf-field">
        <label className="vf-label" htmlFor="viva-title">
          Conversation title
        </label>
        <input
          ref={input}
          id="viva-title"
          className="vf-input"
          value={title}
          maxLength={200}
          required
          onChange={(event) => setTitle(event.target.value)}
          {...fieldErrorProps('title', fields)}
        />
        <FieldError name="title" errors={fields} />
      </div>
      {error && !fields?.title && <ErrorNotice error={error} className="viva-gap" />}
      <div className="viva-rename__actions">
        <button type="submit" className="vf-button vf-button--small" disabled={busy}>
          {busy ? 'Saving…' : 'Save title'}
        </button>
        <button
          type="button"
          className="vf-button vf-button--quiet vf-button--small"
          onClick={onCancel}
          disabled={busy}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function Conversation({ initial }: { initial: Thread }) {
  const api = useApi();
  const navigate = useNavigate();
  const id = initial.id ?? '';
  const [thread, setThread] = useState(initial);
  usePageTitle(`${threadTitle(thread)} · VIVA`);

  const first = useResource(
    (signal) => loadNext([], (cursor) => listMessages(api, id, cursor, signal)),
    [api, id],
  );
  const [loadedPages, setLoadedPages] = useState<LoadedPage[] | null>(null);
  const pages = loadedPages ?? (first.status === 'ok' ? first.data : null);
  const pagesRef = useRef(pages);
  useEffect(() => {
    pagesRef.current = pages;
  }, [pages]);
  const [pageError, setPageError] = useState<UiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const [draft, setDraft] = useState('');
  const [live, setLive] = useState<LiveReply | null>(null);
  const [stopped, setStopped] = useState<ReadonlyMap<string, string>>(new Map());
  /** Stopped replies whose question the loaded pages do not hold yet (shown until they do). */
  const [pendingStopped, setPendingStopped] = useState<LiveReply[]>([]);
  const [sendError, setSendError] = useState<UiError | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const balance = useBalance();

  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<UiError | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);

  // Leaving the conversation stops a reply in flight (the server then keeps and charges nothing).
  useEffect(() => () => controllerRef.current?.abort(), []);

  const fetchPage = useCallback(
    (cursor: string | undefined) => listMessages(api, id, cursor),
    [api, id],
  );

  const loadLater = async () => {
    if (!pages) return;
    setLoadingMore(true);
    setPageError(null);
    try {
      setLoadedPages(await loadNext(pages, fetchPage));
    } catch (failure) {
      setPageError(toUiError(failure, online()));
    } finally {
      setLoadingMore(false);
    }
  };

  /** After a reply: the turns as stored (usage, grounding), the balance, a title from the first message. */
  const settle = async (reply: LiveReply) => {
    balance.refresh();
    try {
      const fresh = await refreshTail(pagesRef.current ?? [], fetchPage);
      setLoadedPages(fresh);
      if (reply.phase === 'done') setLive((current) => (current === reply ? null : current));
      // A reply stopped before the server named its question can never be matched: let it go.
      setPendingStopped((list) => list.filter((earlier) => earlier.userMessage?.id));
    } catch (failure) {
      setPageError(toUiError(failure, online()));
    }
    if (!thread.title?.trim()) {
      getThread(api, id).then(setThread, () => undefined);
    }
  };

  const send = async () => {
    const text = draft.trim();
    if (text === '' || isActive(live)) return;
    if (live?.phase === 'stopped') {
      const earlier = live;
      const question = earlier.userMessage?.id;
      if (question) setStopped((map) => new Map(map).set(question, earlier.text));
      setPendingStopped((list) => [...list, earlier]);
    }
    setSendError(null);
    const controller = new AbortController();
    controllerRef.current = controller;
    let reply = startReply(text);
    setLive(reply);
    textarea.current?.focus();
    try {
      await streamReply(
        api,
        id,
        text,
        (event) => {
          reply = applyEvent(reply, event);
          if (event.event === 'started') {
            // Stored: the box is free for the next message (unless the member already typed on).
            setDraft((current) => (current.trim() === text ? '' : current));
          }
          setLive(reply);
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      reply = endReply(reply);
    } catch (failure) {
      if (controller.signal.aborted) return;
      const error = toUiError(failure, online());
      if (reply.phase === 'sending') {
        // Refused before anything was stored (400, 402, 429...): the message stays in the box.
        setLive(null);
        setSendError(error);
        return;
      }
      reply = endReply(reply, error);
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
    setLive(reply);
    if (reply.phase === 'failed') {
      setDraft((current) => (current.trim() === '' ? text : current));
    }
    await settle(reply);
  };

  const stop = () => {
    const controller = controllerRef.current;
    if (!controller) return;
    controller.abort();
    controllerRef.current = null;
    setLive((current) => (current ? stopReply(current) : current));
    balance.refresh();
    textarea.current?.focus();
  };

  const onDelete = async () => {
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await deleteThread(api, id);
      navigate('/viva');
    } catch (failure) {
      setDeleteError(toUiError(failure, online()));
      setDeleteBusy(false);
    }
  };

  const messages = pages ? messagesOf(pages) : [];
  const answering = live?.userMessage?.id;
  const turns = turnsOf(messages, stopped, answering);
  const stored = new Set(messages.map((message) => message.id));
  const showQuestion = !answering || !stored.has(answering);
  const unmatched = pendingStopped.filter(
    (earlier) => !earlier.userMessage?.id || !stored.has(earlier.userMessage.id),
  );

  return (
    <>
      <header className="vf-page-header viva-header">
        <p className="viva-back">
          <Link to="/viva">← All conversations</Link>
        </p>
        <p className="vf-eyebrow">
          VIVA · {modeLabel(thread.mode)}
          {thread.category ? ` · ${categoryLabel(thread.category)}` : ''}
        </p>
        {renaming ? (
          <>
            <h1 className="vf-visually-hidden">{threadTitle(thread)}</h1>
            <RenameForm
              thread={thread}
              onDone={(renamed) => {
                setThread(renamed);
                setRenaming(false);
                renameButton.current?.focus();
              }}
              onCancel={() => {
                setRenaming(false);
                renameButton.current?.focus();
              }}
            />
          </>
        ) : (
          <h1>{threadTitle(thread)}</h1>
        )}
        <div className="viva-header__actions">
          {!renaming && (
            <button
              ref={renameButton}
              type="button"
              className="vf-button vf-button--quiet vf-button--small"
              onClick={() => setRenaming(true)}
            >
              Rename
            </button>
          )}
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small"
            onClick={() => setDeleting(true)}
          >
            Delete
          </button>
          {balance.remaining !== null && (
            <p className="viva-balance">
              You have <strong>{formatNumber(balance.remaining)}</strong>{' '}
              {balance.remaining === 1 ? 'token' : 'tokens'}. <Link to="/account">Usage</Link>
            </p>
          )}
        </div>
      </header>

      <section className="viva-conversation" aria-label="Conversation">
        {first.status === 'loading' && !loadedPages && <Loading label="Loading the messages…" />}
        {first.status === 'error' && !loadedPages && (
          <ErrorNotice error={first.error} onRetry={first.reload} />
        )}
        {pages && messages.length === 0 && !live && (
          <p className="viva-empty">
            Say what is on your mind: an area of your vision, a sentence that does not feel right,
            or a step you want to take.
          </p>
        )}
        {turns.length > 0 && (
          <ol className="viva-turns vf-list">
            {turns.map((turn) => (
              <li key={turnKey(turn)}>
                <TurnItem turn={turn} />
              </li>
            ))}
          </ol>
        )}
        <MorePagesFoot
          pages={{
            hasMore: !!pages && hasMore(pages),
            busy: loadingMore,
            error: pageError,
            loadMore: loadLater,
          }}
          label="Show later messages"
          className="viva-gap"
        />
        {unmatched.map((earlier, i) => (
          <div key={earlier.userMessage?.id ?? `stopped-${i}`} className="viva-earlier">
            <Question text={earlier.sent} />
            <LiveAnswer live={earlier} />
          </div>
        ))}
        {live && showQuestion && <Question text={live.sent} />}
        <div
          id="viva-live-reply"
          className="viva-live"
          aria-live="polite"
          aria-busy={live?.phase === 'sending'}
        >
          {live && <LiveAnswer live={live} />}
        </div>
        {live?.phase === 'failed' && live.error && (
          <ErrorNotice error={live.error} onRetry={() => void send()} className="viva-gap" />
        )}
      </section>

      <Composer
        draft={draft}
        setDraft={setDraft}
        active={isActive(live)}
        onSend={() => void send()}
        onStop={stop}
        error={sendError}
        onRetry={() => void send()}
        textarea={textarea}
      />

      <SectionProposal
        threadId={id}
        category={thread.category}
        onProposed={() => {
          balance.refresh();
          refreshTail(pagesRef.current ?? [], fetchPage).then(setLoadedPages, (failure) =>
            setPageError(toUiError(failure, online())),
          );
        }}
      />

      <Dialog
        open={deleting}
        title="Delete this conversation?"
        onClose={() => {
          if (deleteBusy) return;
          setDeleting(false);
          setDeleteError(null);
        }}
        actions={
          <>
            <button
              type="button"
              className="vf-button vf-button--quiet"
              onClick={() => {
                setDeleting(false);
                setDeleteError(null);
              }}
              disabled={deleteBusy}
            >
              Cancel
            </button>
            <button
              type="button"
              className="vf-button vf-button--destructive"
              onClick={() => void onDelete()}
              disabled={deleteBusy}
            >
              {deleteBusy ? 'Deleting…' : 'Delete conversation'}
            </button>
          </>
        }
      >
        <p>
          “{threadTitle(thread)}” and all its messages are deleted for good. Tokens already used
          stay in your usage.
        </p>
        {deleteError && <ErrorNotice error={deleteError} className="viva-gap" />}
      </Dialog>
    </>
  );
}

export function ThreadPage() {
  const { threadId = '' } = useParams();
  const api = useApi();
  const thread = useResource((signal) => getThread(api, threadId, signal), [api, threadId]);

  if (thread.status === 'loading') return <Loading label="Opening the conversation…" />;
  if (thread.status === 'error')
    return <ThreadError error={thread.error} onRetry={thread.reload} />;
  return <Conversation key={threadId} initial={thread.data} />;
}

function ThreadError({ error, onRetry }: { error: UiError; onRetry: () => void }) {
  usePageTitle('VIVA');
  return (
    <>
      <header className="vf-page-header">
        <p className="viva-back">
          <Link to="/viva">← All conversations</Link>
        </p>
        <h1>Conversation</h1>
      </header>
      <ErrorNotice error={error} onRetry={onRetry} />
    </>
  );
}
