import { Box } from '@material-ui/core';
import {
  Content,
  ContentHeader,
  PageWithHeader,
  SupportButton,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { CatalogTable, catalogTranslationRef } from '@backstage/plugin-catalog';
import {
  CatalogFilterLayout,
  DefaultFilters,
  EntityListProvider,
} from '@backstage/plugin-catalog-react';
import { TwelveFactorFleetCard } from '@internal/plugin-twelve-factor';

/**
 * The catalog's index, which is this app's home ("/" leads here): the default
 * catalog page with the fleet's Twelve-Factor figures above the table.
 */
export function CatalogIndex() {
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'Backstage';
  const { t } = useTranslationRef(catalogTranslationRef);
  return (
    <EntityListProvider>
      <PageWithHeader title={t('indexPage.title', { orgName })} themeId="home">
        <Content>
          <ContentHeader title="">
            <SupportButton>{t('indexPage.supportButtonContent')}</SupportButton>
          </ContentHeader>
          <Box mb={3}>
            <TwelveFactorFleetCard />
          </Box>
          <CatalogFilterLayout>
            <CatalogFilterLayout.Filters>
              <DefaultFilters
                initialKind="component"
                initiallySelectedFilter="owned"
              />
            </CatalogFilterLayout.Filters>
            <CatalogFilterLayout.Content>
              <CatalogTable />
            </CatalogFilterLayout.Content>
          </CatalogFilterLayout>
        </Content>
      </PageWithHeader>
    </EntityListProvider>
  );
}
