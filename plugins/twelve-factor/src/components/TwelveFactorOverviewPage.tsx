import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { twelveFactorTranslationRef } from '../translation/ref';
import { FleetView } from './fleet/FleetView';

/** Options of the overview. @public */
export interface TwelveFactorOverviewProps {
  /** Where the Twelve-Factor tab is mounted under an entity page; `twelve-factor` by default. */
  entityTabPath?: string;
  /** Height of the heatmap's scroll container (CSS); `70vh` by default. */
  heatmapHeight?: string | number;
}

/**
 * The fleet view for the platform team: headline figures, filters, and the
 * heatmap, rollups, campaigns and trend, with the view in the address. @public
 */
export function TwelveFactorOverviewPage(props: TwelveFactorOverviewProps) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('overviewTitle')} subtitle={t('overviewSubtitle')} />
      <Content>
        <TwelveFactorOverviewContent {...props} />
      </Content>
    </Page>
  );
}

/** The overview without its page frame, for apps that bring their own header. @public */
export function TwelveFactorOverviewContent(props: TwelveFactorOverviewProps) {
  return (
    <FleetView
      entityTabPath={props.entityTabPath}
      heatmapHeight={props.heatmapHeight}
    />
  );
}
