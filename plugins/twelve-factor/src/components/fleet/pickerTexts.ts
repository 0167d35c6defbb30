import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { twelveFactorTranslationRef } from '../../translation/ref';

/**
 * The words Material UI's Autocomplete says itself (its buttons' labels and
 * its empty and loading lists), in the reader's language: left to their
 * defaults they are English.
 */
export function usePickerTexts() {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return {
    openText: t('fleet.picker.open'),
    closeText: t('fleet.picker.close'),
    clearText: t('fleet.picker.clear'),
    noOptionsText: t('fleet.picker.noOptions'),
    loadingText: t('fleet.picker.loading'),
  };
}
