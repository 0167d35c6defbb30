import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@material-ui/core/Box';
import ButtonBase from '@material-ui/core/ButtonBase';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  FleetItem,
  FleetQuery,
  FleetRollup,
  FleetSort,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { formatScore } from '../format';
import { useAreaTitle } from '../useLanguage';
import { AREA_COLUMNS } from './areaCodes';
import { cellText, SCORE_STEPS, stepOf } from './scoreScale';
import { shortRef, useEntityLinks } from './links';
import type { FleetPages } from './useFleetPages';

/** Height of a service row and of a group's header band, in px. */
export const ROW_HEIGHT = 30;
export const GROUP_HEIGHT = 28;
const HEADER_HEIGHT = 34;

/**
 * Column widths. Fixed columns add up to 946 px and the name takes the rest
 * (at least 140 px): 1,086 px at the least, inside the 1,168 px content box
 * of a 1,440 px window with the sidebar pinned open.
 */
const GRID_COLUMNS = `minmax(140px, 1fr) 120px 52px 44px 44px repeat(${AREA_COLUMNS.length}, 34px) 40px`;
const COLUMN_COUNT = 6 + AREA_COLUMNS.length;

const useStyles = makeStyles(theme => ({
  scroll: {
    position: 'relative',
    overflow: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.paper,
  },
  table: { minWidth: 1086, position: 'relative' },
  header: {
    display: 'grid',
    gridTemplateColumns: GRID_COLUMNS,
    height: HEADER_HEIGHT,
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: theme.palette.background.paper,
    borderBottom: `2px solid ${theme.palette.divider}`,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: GRID_COLUMNS,
    height: ROW_HEIGHT,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  groupRow: {
    height: GROUP_HEIGHT,
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0, 1),
    backgroundColor: theme.palette.background.default,
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontSize: 13,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  cell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    padding: theme.spacing(0, 0.5),
    fontSize: 13,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    '& > a': {
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      color: theme.palette.primary.main,
    },
  },
  numeric: {
    justifyContent: 'flex-end',
    fontVariantNumeric: 'tabular-nums',
  },
  headerCell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    overflow: 'hidden',
    fontSize: 12,
    fontWeight: 600,
  },
  sortButton: {
    width: '100%',
    height: '100%',
    // Narrow columns: the sort arrow goes under the code.
    flexDirection: 'column',
    justifyContent: 'center',
    fontSize: 12,
    fontWeight: 600,
    lineHeight: 1.1,
    padding: theme.spacing(0, 0.25),
    whiteSpace: 'nowrap',
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  sortButtonStart: {
    flexDirection: 'row',
    justifyContent: 'flex-start',
    paddingLeft: 4,
    gap: 4,
  },
  sortArrow: { fontSize: 9, lineHeight: 1 },
  scoreCell: {
    padding: 0,
    boxShadow: `inset 0 0 0 1px ${theme.palette.background.paper}`,
    '& > a': {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: '100%',
      height: '100%',
      fontSize: 12,
      fontVariantNumeric: 'tabular-nums',
      textDecoration: 'none',
      color: 'inherit',
    },
    '& > a:focus-visible': {
      outline: `2px solid ${theme.palette.text.primary}`,
      outlineOffset: -2,
    },
  },
  placeholder: {
    margin: theme.spacing(0.5, 0.5),
    height: 12,
    borderRadius: 2,
    backgroundColor: theme.palette.action.hover,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
    fontSize: 12,
  },
  swatch: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: 56,
    height: 20,
    padding: theme.spacing(0, 0.5),
    fontSize: 11,
    border: `1px solid ${theme.palette.divider}`,
  },
  message: { padding: theme.spacing(3), textAlign: 'center' },
}));

/** The colour scale of the heatmap, with the range of every step. */
export function ScoreLegend() {
  const classes = useStyles();
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return (
    <div
      className={classes.legend}
      data-testid="heatmap-legend"
      aria-label={t('fleet.legend')}
    >
      <span>{t('fleet.legend')}:</span>
      {SCORE_STEPS.map(s => (
        <span
          key={s.from}
          className={classes.swatch}
          style={{ backgroundColor: s.background, color: s.text }}
        >
          {s.from}–{Math.min(s.to - 1, 100)}
        </span>
      ))}
      <span className={classes.swatch}>– {t('noScore')}</span>
    </div>
  );
}

function groupKeyOf(
  item: FleetItem | undefined,
  groupBy: FleetQuery['groupBy'],
): string | undefined {
  if (!item || !groupBy) return undefined;
  return item[groupBy] ?? '';
}

/** Props of the heatmap. */
export interface FleetHeatmapProps {
  pages: FleetPages;
  query: FleetQuery;
  /** Asks for a sort; the page decides the order and writes the address. */
  onSort(sort: FleetSort): void;
  /** Rollups by the grouping, for the counts and means on group headers. */
  groupRollups?: ReadonlyMap<string, FleetRollup>;
  tabPath: string;
  /** Height of the scroll container (CSS). */
  height?: string | number;
}

/**
 * Services × the 19 areas, coloured by score. Only the rows in view (and a
 * few around) are in the DOM; rows come from the server in pages as the user
 * scrolls. A `role="grid"` with `aria-rowcount` (the header and every
 * matching service) and `aria-rowindex` on service rows; group headers are
 * rows of their own without an index.
 */
export function FleetHeatmap(props: FleetHeatmapProps) {
  const { pages, query, onSort, groupRollups, tabPath } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const { entityLink, tabLink } = useEntityLinks(tabPath);
  const scrollRef = useRef<HTMLDivElement>(null);
  const groupBy = query.groupBy;
  const total = pages.total ?? 0;
  const none = t('noScore');

  const startsGroup = (index: number) => {
    if (!groupBy) return false;
    const key = groupKeyOf(pages.itemAt(index), groupBy);
    if (key === undefined) return false;
    if (index === 0) return true;
    const previous = groupKeyOf(pages.itemAt(index - 1), groupBy);
    return previous !== undefined && previous !== key;
  };

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: i => ROW_HEIGHT + (startsGroup(i) ? GROUP_HEIGHT : 0),
    scrollMargin: HEADER_HEIGHT,
    overscan: 8,
  });

  // Group headers appear as pages arrive: sizes are estimated anew.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, pages.version, groupBy]);

  // Another query: back to the top.
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [pages.key]);

  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index;
  const last = virtualItems[virtualItems.length - 1]?.index;
  const { ensureRange } = pages;
  useEffect(() => {
    if (first !== undefined && last !== undefined) ensureRange(first, last);
  }, [first, last, ensureRange]);

  const columns = useMemo(
    () =>
      [
        {
          id: 'name',
          sort: 'name' as FleetSort,
          label: t('overviewService'),
          title: t('overviewService'),
          start: true,
        },
        {
          id: 'owner',
          sort: 'owner' as FleetSort,
          label: t('overviewOwner'),
          title: t('overviewOwner'),
          start: true,
        },
        {
          id: 'overall',
          sort: 'overall' as FleetSort,
          label: t('fleet.overallShort'),
          title: t('overall'),
        },
        {
          id: 'twelveFactor',
          sort: 'twelveFactor' as FleetSort,
          label: '12F',
          title: t('twelveFactorGroup'),
        },
        {
          id: 'cloudNative',
          sort: 'cloudNative' as FleetSort,
          label: 'CN',
          title: t('cloudNativeGroup'),
        },
        ...AREA_COLUMNS.map(({ area, code }) => ({
          id: area.id,
          sort: `area:${area.id}` as FleetSort,
          label: code,
          title: areaTitle(area, area.id),
        })),
        {
          id: 'fail',
          sort: 'fail' as FleetSort,
          label: '✗',
          title: t('fleet.failCount'),
        },
      ] as Array<{
        id: string;
        sort: FleetSort;
        label: string;
        title: string;
        start?: boolean;
      }>,
    [t, areaTitle],
  );

  const header = (
    <div role="row" aria-rowindex={1} className={classes.header}>
      {columns.map((c, i) => {
        const active = query.sort === c.sort;
        const order = query.order ?? 'asc';
        let ariaSort: 'ascending' | 'descending' | 'none' = 'none';
        if (active) ariaSort = order === 'desc' ? 'descending' : 'ascending';
        return (
          <div
            key={c.id}
            role="columnheader"
            aria-colindex={i + 1}
            aria-sort={ariaSort}
            className={classes.headerCell}
            data-testid={`heatmap-header-${c.id}`}
          >
            <Tooltip title={c.title} enterDelay={300}>
              <ButtonBase
                className={`${classes.sortButton} ${
                  c.start ? classes.sortButtonStart : ''
                }`}
                onClick={() => onSort(c.sort)}
                aria-label={t('fleet.sortBy', { column: c.title })}
              >
                <span>{c.label}</span>
                {active && (
                  <span className={classes.sortArrow} aria-hidden="true">
                    {order === 'desc' ? '▼' : '▲'}
                  </span>
                )}
              </ButtonBase>
            </Tooltip>
          </div>
        );
      })}
    </div>
  );

  const groupLabel = (key: string) => {
    if (key === '') return t(`fleet.noGroup.${groupBy ?? 'owner'}`);
    return shortRef(key, groupBy === 'owner' ? 'group' : groupBy ?? 'group');
  };

  const scoreCell = (
    key: string,
    score: number | null,
    title: string,
    to: string,
    testId?: string,
    shown: string = cellText(score),
  ): ReactNode => {
    const step = stepOf(score);
    const text = `${title}: ${formatScore(score, none)}`;
    return (
      <div
        key={key}
        role="gridcell"
        className={`${classes.cell} ${classes.scoreCell}`}
        style={{ backgroundColor: step.background, color: step.text }}
        data-area={key}
        data-score={score ?? ''}
      >
        <RouterLink to={to} title={text} aria-label={text} data-testid={testId}>
          {shown}
        </RouterLink>
      </div>
    );
  };

  const row = (item: FleetItem | undefined, index: number) => {
    if (!item) {
      return (
        <div
          role="row"
          aria-rowindex={index + 2}
          aria-busy="true"
          className={classes.row}
          data-testid="heatmap-row-loading"
        >
          {columns.map(c => (
            <div key={c.id} role="gridcell" className={classes.cell}>
              <div className={classes.placeholder} style={{ width: '100%' }} />
            </div>
          ))}
        </div>
      );
    }
    const name = item.title ?? shortRef(item.entityRef, 'component');
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        className={classes.row}
        data-testid={`heatmap-row-${item.entityRef}`}
        data-entity-ref={item.entityRef}
      >
        <div role="rowheader" className={classes.cell} title={item.entityRef}>
          <RouterLink to={entityLink(item.entityRef)}>{name}</RouterLink>
        </div>
        <div role="gridcell" className={classes.cell}>
          {item.owner ? (
            <RouterLink to={entityLink(item.owner)} title={item.owner}>
              {shortRef(item.owner, 'group')}
            </RouterLink>
          ) : (
            <Typography variant="caption" color="textSecondary">
              {t('overviewNoOwner')}
            </Typography>
          )}
        </div>
        {scoreCell(
          'overall',
          item.overall,
          t('overall'),
          tabLink(item.entityRef),
          `overview-overall-${item.entityRef}`,
          // The figure that matters most, as precise as the tab prints it.
          formatScore(item.overall, '–'),
        )}
        {scoreCell(
          'twelveFactor',
          item.twelveFactor,
          t('twelveFactorGroup'),
          tabLink(item.entityRef),
        )}
        {scoreCell(
          'cloudNative',
          item.cloudNative,
          t('cloudNativeGroup'),
          tabLink(item.entityRef),
        )}
        {AREA_COLUMNS.map(({ area }) =>
          scoreCell(
            area.id,
            item.areas[area.id] ?? null,
            areaTitle(area, area.id),
            tabLink(item.entityRef, area.id),
          ),
        )}
        <div
          role="gridcell"
          className={`${classes.cell} ${classes.numeric}`}
          title={t('fleet.failCount')}
        >
          {item.status === 'queued' ? (
            <Typography variant="caption" color="textSecondary">
              {t('fleet.queuedShort')}
            </Typography>
          ) : (
            item.counts.fail
          )}
        </div>
      </div>
    );
  };

  let body: ReactNode;
  if (pages.total === undefined) {
    // First load: placeholder rows in the same frame, so nothing moves when the rows arrive.
    body = Array.from({ length: 8 }, (_, i) => (
      <div key={i} className={classes.row} aria-hidden="true">
        {columns.map(c => (
          <div key={c.id} className={classes.cell}>
            <div className={classes.placeholder} style={{ width: '100%' }} />
          </div>
        ))}
      </div>
    ));
  } else if (total === 0) {
    body = (
      <Typography
        className={classes.message}
        color="textSecondary"
        data-testid="heatmap-empty"
      >
        {t('fleet.noMatch')}
      </Typography>
    );
  } else {
    body = (
      <div
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualItems.map(v => {
          const item = pages.itemAt(v.index);
          const groupKey = startsGroup(v.index)
            ? groupKeyOf(item, groupBy)
            : undefined;
          const rollup =
            groupKey !== undefined ? groupRollups?.get(groupKey) : undefined;
          return (
            <div
              key={v.key}
              role="presentation"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${
                  v.start - virtualizer.options.scrollMargin
                }px)`,
              }}
            >
              {groupKey !== undefined && (
                <div
                  role="row"
                  className={classes.groupRow}
                  data-testid="heatmap-group"
                  data-group={groupKey}
                >
                  <div role="gridcell" aria-colspan={COLUMN_COUNT}>
                    <strong>{groupLabel(groupKey)}</strong>
                    {rollup && (
                      <Typography
                        component="span"
                        variant="body2"
                        color="textSecondary"
                      >
                        {' · '}
                        {t('fleet.groupSummary', {
                          services: String(rollup.services),
                          average: formatScore(rollup.overall, none),
                        })}
                      </Typography>
                    )}
                  </div>
                </div>
              )}
              {row(item, v.index)}
            </div>
          );
        })}
      </div>
    );
  }

  return (
    <Box>
      <div
        ref={scrollRef}
        className={classes.scroll}
        style={{ height: props.height ?? '70vh' }}
        data-testid="fleet-heatmap-scroll"
      >
        <div
          role="grid"
          aria-label={t('fleet.heatmapLabel')}
          aria-rowcount={pages.total === undefined ? -1 : total + 1}
          aria-colcount={COLUMN_COUNT}
          aria-busy={pages.total === undefined}
          className={classes.table}
          data-testid="fleet-heatmap"
        >
          {header}
          {body}
        </div>
      </div>
      <ScoreLegend />
    </Box>
  );
}
