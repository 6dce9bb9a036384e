import * as echarts from 'echarts/core';
import { useEffect, useRef, type DependencyList } from 'react';

/**
 * An ECharts instance on a div, kept the size of its box and disposed with it; `draw` sets its
 * options whenever `deps` change. Motion is left out for people who asked for less of it.
 */
export function useChart(draw: (chart: echarts.ECharts, reduceMotion: boolean) => void, deps: DependencyList) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.getInstanceByDom(element);
    if (!chart) return;
    draw(chart, window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false);
    // `draw` is rebuilt at each render; what it reads is in `deps`.
  }, deps);

  return ref;
}

/** Text for an ECharts tooltip (HTML): escaped. */
export function escapeTooltip(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
