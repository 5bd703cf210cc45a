import { Link } from 'react-router-dom';
import { formatDate } from '../../ui/format';
import { LifeAreaTags } from '../../ui/LifeAreas';
import { nextAction, statusLabel, type BoardItem } from './board';

/** One item of the board: its picture, name, words, life areas, status and what can be done. */
export function ItemCard({
  item,
  busy,
  onActualize,
  onMoveBack,
  onDelete,
}: {
  item: BoardItem;
  busy: boolean;
  onActualize: () => void;
  onMoveBack: () => void;
  onDelete: () => void;
}) {
  const headingId = `vb-item-${item.id}`;
  const name = item.name ?? '';
  const status = item.status ?? 'active';
  const action = nextAction(status);
  return (
    <article className={`vb-card vb-card--${status}`} aria-labelledby={headingId}>
      <div className="vb-card__media">
        {item.image_link ? (
          <img className="vb-card__image" src={item.image_link} alt={`Picture for ${name}`} />
        ) : (
          <div className="vb-card__placeholder" aria-hidden="true">
            {name.trim().charAt(0).toUpperCase() || '✦'}
          </div>
        )}
      </div>
      <div className="vb-card__body">
        <p className={`vb-status vb-status--${status}`}>{statusLabel(status)}</p>
        <h3 className="vb-card__title" id={headingId}>
          {name}
        </h3>
        {item.description && <p className="vb-card__description">{item.description}</p>}
        <LifeAreaTags categories={item.categories} />
        {status === 'actualized' && item.actualized_at && (
          <p className="vb-card__actualized">Actualized on {formatDate(item.actualized_at)}</p>
        )}
        <div className="vb-card__actions">
          {action === 'actualize' ? (
            <button
              type="button"
              className="vf-button vf-button--small"
              disabled={busy}
              onClick={onActualize}
            >
              Actualize<span className="vf-visually-hidden"> {name}</span>
            </button>
          ) : (
            <button
              type="button"
              className="vf-button vf-button--quiet vf-button--small"
              disabled={busy}
              onClick={onMoveBack}
            >
              Move back to active<span className="vf-visually-hidden"> {name}</span>
            </button>
          )}
          <Link className="vf-button vf-button--quiet vf-button--small" to={item.id ?? ''}>
            Edit<span className="vf-visually-hidden"> {name}</span>
          </Link>
          <button
            type="button"
            className="vf-button vf-button--quiet vf-button--small vf-button--delete"
            disabled={busy}
            onClick={onDelete}
          >
            Delete<span className="vf-visually-hidden"> {name}</span>
          </button>
        </div>
      </div>
    </article>
  );
}
