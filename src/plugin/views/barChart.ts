export interface Bar {
	label: string;
	value: number;
	/** Written above the bar instead of the value ("3 · 50%"). */
	caption?: string;
}

const WIDTH = 300;
const HEIGHT = 120;
const AXIS = 18;
const TOP = 14;

/**
 * A small bar chart in SVG: one bar per item, its count above it, its label on the axis below.
 * Colours come from the theme through CSS classes. Labels are drawn on every bar when they fit,
 * else on every second (or third …) one, so twelve weeks stay readable in a narrow sidebar.
 */
export function drawBarChart(parent: HTMLElement, title: string, bars: readonly Bar[]): SVGSVGElement {
	const most = Math.max(1, ...bars.map((b) => b.value));
	const slot = WIDTH / Math.max(1, bars.length);
	const barWidth = Math.max(4, slot * 0.7);
	const plot = HEIGHT - AXIS - TOP;
	const longest = Math.max(1, ...bars.map((b) => b.label.length));
	// About 5.5 units per character at the labels' size, and a little room between labels.
	const labelEvery = Math.max(1, Math.ceil((longest * 5.5 + 4) / slot));
	const svg = parent.createSvg("svg", {
		cls: "touchbase-chart",
		attr: { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(", ")}` },
	});
	svg.createSvg("title").textContent = title;
	svg.createSvg("line", { cls: "touchbase-chart-axis", attr: { x1: 0, x2: WIDTH, y1: HEIGHT - AXIS + 0.5, y2: HEIGHT - AXIS + 0.5 } });
	bars.forEach((bar, i) => {
		const height = bar.value === 0 ? 0 : Math.max(1, (bar.value / most) * plot);
		const x = i * slot + (slot - barWidth) / 2;
		const center = i * slot + slot / 2;
		const group = svg.createSvg("g", { cls: "touchbase-chart-bar", attr: { "data-label": bar.label, "data-value": bar.value } });
		group.createSvg("rect", { attr: { x: x.toFixed(1), y: (HEIGHT - AXIS - height).toFixed(1), width: barWidth.toFixed(1), height: height.toFixed(1), rx: 1.5 } });
		group.createSvg("text", {
			cls: "touchbase-chart-count",
			attr: { x: center.toFixed(1), y: (HEIGHT - AXIS - height - 3).toFixed(1), "text-anchor": "middle" },
		}).textContent = bar.caption ?? String(bar.value);
		if (i % labelEvery === 0) {
			group.createSvg("text", { cls: "touchbase-chart-label", attr: { x: center.toFixed(1), y: HEIGHT - 5, "text-anchor": "middle" } }).textContent = bar.label;
		}
	});
	return svg;
}
