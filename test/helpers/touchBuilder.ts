import type { DateForm, TouchLine } from "../../src/core/text/touchLine";

/** The default channel vocabulary (README, "Touch lines"). */
export const SPEC_CHANNELS: readonly string[] = [
	"call",
	"phone",
	"voicemail",
	"email",
	"text",
	"sms",
	"meeting",
	"consult",
	"video",
	"coffee",
	"lunch",
	"visit",
	"letter",
	"card",
	"gift",
	"linkedin",
	"social",
	"event",
];

/**
 * Fluent test data for touch lines (after obsidian-tasks' TaskBuilder):
 *
 *     touch().date("2026-11-20").time("14:30").channel("call").checkbox("x").text("quote").build()
 *     // "- [x] 2026-11-20 14:30 call: quote"
 *
 * `build()` writes the line by hand, independently of `serializeTouch`, so tests can compare the
 * two; `toTouch()` gives the `TouchLine` that `deserializeTouch` should read from that line.
 * Setters return the builder; each call replaces the previous value.
 */
export class TouchBuilder {
	private indentValue = "";
	private bulletValue = "-";
	private checkboxValue: string | null = null;
	private dateValue = "2026-11-20";
	private form: Exclude<DateForm, "tasks"> = "plain";
	private aliasValue: string | null = null;
	private timeValue: string | null = null;
	private channelWord: string | null = null;
	private channelColon = false;
	private textValue = "";

	indent(indent: string): this {
		this.indentValue = indent;
		return this;
	}

	bullet(bullet: string): this {
		this.bulletValue = bullet;
		return this;
	}

	/** The character between the brackets; null for a plain list item. */
	checkbox(char: string | null): this {
		this.checkboxValue = char;
		return this;
	}

	open(): this {
		return this.checkbox(" ");
	}

	done(): this {
		return this.checkbox("x");
	}

	cancelled(): this {
		return this.checkbox("-");
	}

	date(date: string): this {
		this.dateValue = date;
		return this;
	}

	/** Writes the date as `YYYY-MM-DD` (the default). */
	plain(): this {
		this.form = "plain";
		this.aliasValue = null;
		return this;
	}

	/** Writes the date as `[[YYYY-MM-DD]]`, or `[[YYYY-MM-DD|alias]]` with an alias. */
	wikilink(alias: string | null = null): this {
		this.form = "wikilink";
		this.aliasValue = alias;
		return this;
	}

	/** Writes the date as `**YYYY-MM-DD**`. */
	bold(): this {
		this.form = "bold";
		this.aliasValue = null;
		return this;
	}

	time(time: string | null): this {
		this.timeValue = time;
		return this;
	}

	/** The channel word as written; `colon: false` writes `call text` instead of `call: text`. */
	channel(word: string | null, colon = true): this {
		this.channelWord = word;
		this.channelColon = word !== null && colon;
		return this;
	}

	text(text: string): this {
		this.textValue = text;
		return this;
	}

	/** The markdown line. */
	build(): string {
		const date =
			this.form === "wikilink"
				? `[[${this.dateValue}${this.aliasValue !== null ? `|${this.aliasValue}` : ""}]]`
				: this.form === "bold"
					? `**${this.dateValue}**`
					: this.dateValue;
		let line = `${this.indentValue}${this.bulletValue} `;
		if (this.checkboxValue !== null) line += `[${this.checkboxValue}] `;
		line += date;
		if (this.timeValue !== null) line += ` ${this.timeValue}`;
		if (this.channelWord !== null) line += ` ${this.channelWord}${this.channelColon ? ":" : ""}`;
		if (this.textValue !== "") line += ` ${this.textValue}`;
		return line;
	}

	/** The `TouchLine` that reading `build()` should give. */
	toTouch(): TouchLine {
		return {
			indent: this.indentValue,
			bullet: this.bulletValue,
			checkbox: this.checkboxValue,
			date: this.dateValue,
			dateForm: this.form,
			alias: this.aliasValue,
			time: this.timeValue,
			channel: this.channelWord?.toLowerCase() ?? null,
			channelWord: this.channelWord,
			channelColon: this.channelColon,
			text: this.textValue,
			tasks: null,
		};
	}
}

export function touch(): TouchBuilder {
	return new TouchBuilder();
}
