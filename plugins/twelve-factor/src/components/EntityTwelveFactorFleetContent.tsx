import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { FleetGrouping } from '../api/TwelveFactorApi';
import { FleetView } from './fleet/FleetView';

/** The rollups that say most on each kind's page: a group's owners (itself and its child groups), a system's owners, a domain's systems. */
const ROLLUP_BY: Record<string, FleetGrouping> = {
  group: 'owner',
  system: 'owner',
  domain: 'system',
};

/** Options of the Group, System and Domain tab. @public */
export interface EntityTwelveFactorFleetContentProps {
  /** Where the Twelve-Factor tab of a service is mounted; `twelve-factor` by default. */
  entityTabPath?: string;
  /** Height of the heatmap's scroll container (CSS); `60vh` by default. */
  heatmapHeight?: string | number;
}

/**
 * The fleet view of a Group (its own and its child groups' services), a
 * System (its components) or a Domain (its systems' components): the same
 * headline, filters, heatmap, rollups, campaigns and trend, kept within the
 * entity. @public
 */
export function EntityTwelveFactorFleetContent(
  props: EntityTwelveFactorFleetContentProps,
) {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    <FleetView
      within={ref}
      entityTabPath={props.entityTabPath}
      defaultRollupBy={ROLLUP_BY[kind] ?? 'owner'}
      heatmapHeight={props.heatmapHeight ?? '60vh'}
    />
  );
}
