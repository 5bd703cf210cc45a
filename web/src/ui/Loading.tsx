/** A polite "still loading" line; screen readers hear the label once. */
export function Loading({
  label = 'Loading…',
  page = false,
}: {
  label?: string;
  /** Whether it fills the page (see PageLoading). */
  page?: boolean;
}) {
  return (
    <div
      className={page ? 'vf-loading vf-loading--page' : 'vf-loading'}
      role="status"
      aria-live="polite"
    >
      <span className="vf-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Loading that fills the page (before the app shell exists, or while a screen's code loads). */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return <Loading label={label} page />;
}

/** Grey placeholder lines for a card whose data is on its way. */
export function SkeletonCard({ title }: { title: string }) {
  return (
    <section className="vf-card" aria-busy="true" aria-label={`${title} (loading)`}>
      <h2 className="vf-card__title">{title}</h2>
      <div className="vf-skeleton vf-skeleton--figure" />
      <div className="vf-skeleton" />
    </section>
  );
}
