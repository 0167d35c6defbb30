import {
  AREAS,
  type AreaDefinition,
} from '@internal/plugin-twelve-factor-common';

/** Short codes of the cloud-native areas, for the heatmap's narrow columns. */
const CLOUD_NATIVE_CODES: Readonly<Record<string, string>> = {
  'cn-containerization': 'CTR',
  'cn-orchestration': 'ORC',
  'cn-observability': 'OBS',
  'cn-resilience': 'RES',
  'cn-scalability': 'SCL',
  'cn-security': 'SEC',
  'cn-cicd': 'CI',
};

/**
 * An area's column code: the factor's Roman numeral (I … XII) or the
 * cloud-native area's abbreviation; the full title goes in the tooltip.
 */
export function areaCode(area: AreaDefinition): string {
  const numeral = /^([IVXLC]+)\./.exec(area.title);
  if (numeral) return numeral[1];
  return (
    CLOUD_NATIVE_CODES[area.id] ??
    area.id.replace(/^cn-/, '').slice(0, 3).toLocaleUpperCase('en-US')
  );
}

/** The 19 areas with their codes, in report order. */
export const AREA_COLUMNS: ReadonlyArray<{
  area: AreaDefinition;
  code: string;
}> = AREAS.map(area => ({ area, code: areaCode(area) }));
