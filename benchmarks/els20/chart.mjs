// ## The evaluation's chart: Vega-Lite compiled to Vega, rendered to SVG headless
//
// The figures become a Vega-Lite specification (bars of the mean total RPC time, error bars of
// one standard deviation, a logarithmic axis because the times span four orders of magnitude),
// which Vega renders to SVG in Node without a browser or canvas.
import * as vega from "vega";
import * as vegaLite from "vega-lite";

const SCENARIOS = ["INTERPRETED", "STEADY-STATE", "FIRST-INSTALL"];

/**
 * The Vega-Lite specification. `rows`: `{ source: "ours" | "ELS'20 paper", program, scenario,
 * mean, sd }`, times in milliseconds (the paper's rows have their own sd).
 */
export function chartSpecification(rows, title) {
  const data = rows.map((r) => ({ ...r, low: Math.max(r.mean - r.sd, r.mean / 10), high: r.mean + r.sd }));
  const x = {
    field: "program",
    type: "nominal",
    title: "program",
    sort: ["4 KB", "40 KB", "400 KB"],
    axis: { labelAngle: 0 },
  };
  const color = { field: "scenario", type: "nominal", sort: SCENARIOS, title: "scenario" };
  const xOffset = { field: "scenario", sort: SCENARIOS };
  // Both layers name the log scale: a layer left at the default would pull zero into the domain.
  const logScale = { type: "log" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    data: { values: data },
    facet: { column: { field: "source", type: "nominal", title: null, sort: ["ours", "ELS'20 paper"] } },
    spec: {
      width: 260,
      height: 260,
      layer: [
        {
          mark: "bar",
          encoding: {
            x,
            xOffset,
            color,
            y: {
              field: "mean",
              type: "quantitative",
              scale: logScale,
              // Bars of one colour would stack from zero, which a log scale cannot show.
              stack: null,
              title: "total RPC time (ms, log)",
            },
            tooltip: [{ field: "mean" }, { field: "sd" }],
          },
        },
        {
          mark: { type: "rule", color: "black" },
          encoding: {
            x,
            xOffset,
            y: { field: "low", type: "quantitative", scale: logScale },
            y2: { field: "high" },
          },
        },
      ],
    },
    config: { font: "sans-serif" },
  };
}

/** Renders the rows to an SVG document (a string). */
export async function renderChart(rows, title) {
  const { spec } = vegaLite.compile(chartSpecification(rows, title));
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
