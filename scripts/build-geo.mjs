#!/usr/bin/env node
/**
 * Builds the map outlines the web app serves (src/web/public/geo/): départements and régions,
 * simplified with mapshaper, the five overseas départements-régions moved into insets west of
 * metropolitan France so that they show on one map.
 *
 *   node scripts/build-geo.mjs [folder of the source GeoJSON, default ../shared/geo]
 *
 * Sources: `departements-avec-outre-mer.geojson` and `regions-avec-outre-mer.geojson` from the
 * public repository gregoiredavid/france-geojson (IGN GEOFLA outlines, INSEE codes and names),
 * Licence Ouverte / Open Licence (Etalab): the credit "IGN, INSEE" goes with the map.
 * Needs network access once for `npx -y mapshaper`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const source = resolve(process.argv[2] ?? join(root, '..', 'shared', 'geo'));
const out = join(root, 'src', 'web', 'public', 'geo');

/** Overseas areas by code, top to bottom in the inset column (départements, then their régions). */
const OVERSEAS = {
  departements: ['971', '972', '973', '974', '976'],
  regions: ['01', '02', '03', '04', '06'],
};

// The inset column: west of Brittany, each box this many degrees, from the top down.
const COLUMN = { west: -9.2, east: -6.6, top: 50.6, box: 1.75, gap: 0.35 };
// ECharts draws longitude × 0.75 against latitude (its default aspect), right for France's
// latitude; an island near the equator is widened back so that it keeps its shape.
const ASPECT = 0.75;

function bbox(coords, acc = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }) {
  if (typeof coords[0] === 'number') {
    acc.minX = Math.min(acc.minX, coords[0]);
    acc.maxX = Math.max(acc.maxX, coords[0]);
    acc.minY = Math.min(acc.minY, coords[1]);
    acc.maxY = Math.max(acc.maxY, coords[1]);
    return acc;
  }
  for (const c of coords) bbox(c, acc);
  return acc;
}

function mapCoords(coords, f) {
  return typeof coords[0] === 'number' ? f(coords) : coords.map((c) => mapCoords(c, f));
}

const round = (x) => Math.round(x * 1000) / 1000;

function inset(feature, slot) {
  const b = bbox(feature.geometry.coordinates);
  const widen = Math.cos((((b.minY + b.maxY) / 2) * Math.PI) / 180) / ASPECT;
  const width = (b.maxX - b.minX) * widen;
  const height = b.maxY - b.minY;
  const boxTop = COLUMN.top - slot * (COLUMN.box + COLUMN.gap);
  const boxWidth = (COLUMN.east - COLUMN.west) / ASPECT; // in the same "drawn" units as height
  const scale = Math.min(boxWidth / width, COLUMN.box / height);
  const cx = (COLUMN.west + COLUMN.east) / 2;
  const cy = boxTop - COLUMN.box / 2;
  const mx = (b.minX + b.maxX) / 2;
  const my = (b.minY + b.maxY) / 2;
  feature.geometry.coordinates = mapCoords(feature.geometry.coordinates, ([x, y]) => [round(cx + (x - mx) * widen * scale * ASPECT), round(cy + (y - my) * scale)]);
  feature.properties.inset = true;
}

const work = mkdtempSync(join(tmpdir(), 'socle-geo-'));
try {
  for (const [name, overseas] of Object.entries(OVERSEAS)) {
    const simplified = join(work, `${name}.json`);
    execFileSync('npx', ['-y', 'mapshaper', join(source, `${name}-avec-outre-mer.geojson`), '-simplify', '4%', 'keep-shapes', 'weighted', '-clean', '-o', 'precision=0.001', 'format=geojson', simplified], { stdio: 'inherit' });
    const geo = JSON.parse(readFileSync(simplified, 'utf8'));
    for (const feature of geo.features) {
      const slot = overseas.indexOf(feature.properties.code);
      feature.properties = { code: feature.properties.code, nom: feature.properties.nom };
      if (slot >= 0) inset(feature, slot);
    }
    geo.features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
    const text = JSON.stringify({ type: 'FeatureCollection', features: geo.features.map(({ type, properties, geometry }) => ({ type, properties, geometry })) });
    writeFileSync(join(out, `${name}.json`), text);
    console.log(`${name}.json: ${geo.features.length} areas, ${(text.length / 1024).toFixed(0)} kB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
