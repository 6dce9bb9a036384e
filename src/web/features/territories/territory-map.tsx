/**
 * A choropleth of départements or régions. Loaded lazily with its outlines
 * (`/geo/departements.json`, `/geo/regions.json`, built by scripts/build-geo.mjs: IGN and INSEE
 * outlines under the Licence Ouverte, overseas moved into insets), so that neither ECharts nor
 * the outlines weigh on pages without a map. Colours come from map-model.ts; hidden areas are
 * hatched as well as grey, so they do not rely on colour alone.
 */
import { MapChart } from 'echarts/charts';
import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useState } from 'react';
import { escapeTooltip, useChart } from '../results/use-chart.ts';

echarts.use([MapChart, TooltipComponent, AriaComponent, SVGRenderer]);

export type MapLevel = 'departement' | 'region';

export interface MapItem {
  code: string;
  name: string;
  color: string;
  /** Drawn hatched (a hidden figure). */
  hatched: boolean;
  /** One line under the name in the tooltip. */
  detail: string;
}

interface Feature {
  type: 'Feature';
  properties: { code: string; nom: string };
  geometry: unknown;
}
interface Outlines {
  type: 'FeatureCollection';
  features: Feature[];
}

const outlines = new Map<MapLevel, Promise<Outlines>>();

function loadOutlines(level: MapLevel): Promise<Outlines> {
  let p = outlines.get(level);
  if (!p) {
    p = fetch(`/geo/${level}s.json`).then((r) => {
      if (!r.ok) throw new Error(`outlines ${r.status}`);
      return r.json() as Promise<Outlines>;
    });
    // A failed load may be retried on the next map.
    p.catch(() => outlines.delete(level));
    outlines.set(level, p);
  }
  return p;
}

/** The outlines of these areas only, registered once under a name of their own. */
function registered(level: MapLevel, codes: readonly string[], all: Outlines): string {
  const wanted = new Set(codes);
  const name = `socle-${level}-${[...wanted].sort().join('.')}`;
  if (!echarts.getMap(name)) {
    // Feature ids by INSEE code, names shown in the tooltip from our own data.
    const features = all.features.filter((f) => wanted.has(f.properties.code)).map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.code } }));
    echarts.registerMap(name, { type: 'FeatureCollection', features } as unknown as Parameters<typeof echarts.registerMap>[1]);
  }
  return name;
}

const HATCH = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: -Math.PI / 4,
  color: 'rgba(33, 37, 41, 0.45)',
};

export default function TerritoryMap({
  level,
  items,
  onSelect,
  height = 520,
  failed,
  loading,
}: {
  level: MapLevel;
  items: readonly MapItem[];
  onSelect?: (code: string) => void;
  height?: number;
  failed: React.ReactNode;
  loading: React.ReactNode;
}) {
  const [geo, setGeo] = useState<Outlines | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    let live = true;
    setGeo(null);
    setError(false);
    loadOutlines(level).then(
      (g) => live && setGeo(g),
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [level]);

  const ref = useChart(
    (chart, reduceMotion) => {
      if (!geo) return;
      const map = registered(
        level,
        items.map((i) => i.code),
        geo,
      );
      const byCode = new Map(items.map((i) => [i.code, i]));
      chart.setOption(
        {
          animation: !reduceMotion,
          aria: { enabled: false },
          tooltip: {
            trigger: 'item',
            confine: true,
            formatter: (params: unknown) => {
              const item = byCode.get((params as { name: string }).name);
              return item ? `<b>${escapeTooltip(item.name)}</b><br/>${escapeTooltip(item.detail)}` : '';
            },
          },
          series: [
            {
              type: 'map',
              map,
              roam: false,
              selectedMode: false,
              layoutCenter: ['50%', '50%'],
              layoutSize: '96%',
              label: { show: false },
              itemStyle: { borderColor: '#ffffff', borderWidth: 0.6 },
              emphasis: { label: { show: false }, itemStyle: { borderColor: '#1f2a37', borderWidth: 1.4 } },
              data: items.map((i) => ({
                name: i.code,
                value: 1,
                itemStyle: { areaColor: i.color, ...(i.hatched ? { decal: HATCH } : {}) },
                emphasis: { itemStyle: { areaColor: i.color } },
              })),
            },
          ],
        },
        true,
      );
      chart.off('click');
      if (onSelect) chart.on('click', (params) => onSelect(String((params as { name: string }).name)));
    },
    [geo, items, level, onSelect],
  );

  if (error) return <>{failed}</>;
  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      {!geo && <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>{loading}</div>}
      <div ref={ref} style={{ width: '100%', height }} aria-hidden="true" data-testid={`territory-map-${level}`} />
    </div>
  );
}
