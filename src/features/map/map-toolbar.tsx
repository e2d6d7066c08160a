import { toggled } from '../../domain/chart-options.ts';
import { SERVICES, type Service } from '../../domain/vocabulary.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { LAYER_GROUP_ORDER, type LayerGroup } from './layers.ts';
import { MAP_OPTIONS } from './map-options.ts';

/** Layers shown, the measure governorates are shaded by (both in the URL), fit and reset. */
export function MapToolbar({
  layers,
  measure,
  onChange,
  onFit,
  onReset,
  disabled,
}: {
  layers: readonly LayerGroup[];
  measure: Service;
  onChange: (next: { layers?: readonly LayerGroup[]; measure?: Service }) => void;
  onFit: () => void;
  onReset: () => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="map-toolbar">
      <fieldset className="map-toolbar__layers">
        <legend>{t('map.layers')}</legend>
        {LAYER_GROUP_ORDER.map((group) => (
          <label key={group}>
            <input
              type="checkbox"
              checked={layers.includes(group)}
              onChange={() => onChange({ layers: toggled(MAP_OPTIONS.layers, layers, group) })}
            />{' '}
            {t(`map.layer.${group}`)}
          </label>
        ))}
      </fieldset>
      <label className="map-toolbar__measure">
        <span>{t('map.measure')}</span>
        <select value={measure} onChange={(e) => onChange({ measure: e.target.value as Service })}>
          {SERVICES.map((s) => (
            <option key={s} value={s}>
              {t(`map.measure.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="map-toolbar__buttons">
        <button type="button" onClick={onFit} disabled={disabled}>
          {t('map.fit')}
        </button>
        <button type="button" onClick={onReset} disabled={disabled}>
          {t('map.reset')}
        </button>
      </div>
    </div>
  );
}
